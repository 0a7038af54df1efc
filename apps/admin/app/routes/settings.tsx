import { formatDate, type MessageKey, organisationKindLabel } from '@linju/i18n';
import { Alert, Button, brandPalette, TextField, useLocale, useTranslate } from '@linju/ui';
import { PARTNER_ORGANISATION_KINDS } from '@linju/vocabulary';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle, tenantName } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { allowsAnywhere, allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/settings';

const PARTNER_KINDS: readonly string[] = PARTNER_ORGANISATION_KINDS;
const BRANDING_FIELDS = ['nameZh', 'nameEn', 'colour'] as const;
const BRANDING_LABELS: Readonly<Record<string, MessageKey>> = {
  nameZh: 'settings.branding_name_zh',
  nameEn: 'settings.branding_name_en',
  colour: 'settings.branding_colour',
};

/**
 * The district's settings in one place: branding, the working calendar, time limits, partner
 * organisations, peer nodes and the audit log. The name and colour are changed here; the rest
 * links to the page that changes it.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [tenant, organisations] = await Promise.all([
    load(caller.tenant.getCurrent()),
    load(caller.organisation.getMany()),
  ]);
  const parents = parentMap(organisations);
  // The pinned peers are for the district's administrators; others see how peers are pinned only.
  const peers = allowsAnywhere(grants, 'tenant.settings.manage') ? await load(caller.peer.getMany()) : null;
  return {
    branding: {
      nameZh: tenant.nameZh,
      nameEn: tenant.nameEn,
      colour: tenant.branding?.colour ?? null,
      divisionCode: tenant.divisionCode,
      timeZone: tenant.timeZone,
    },
    partners: organisations
      .filter((row) => PARTNER_KINDS.includes(row.kind) && !row.closedAt)
      .map(({ id, kind, nameZh, nameEn, remoteAddress }) => ({ id, kind, nameZh, nameEn, remoteAddress })),
    peers,
    can: {
      branding: allowsTenantWide(grants, 'tenant.settings.manage', parents),
      settings: allowsTenantWide(grants, 'case.settings.manage', parents),
      partners: allowsTenantWide(grants, 'partner.manage', parents),
      audit: allowsTenantWide(grants, 'audit.read', parents),
    },
    brandingSaved: new URL(request.url).searchParams.get('done') === 'branding',
  };
}

/** Saves the name and colour; the API validates and its errors come back by field. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      branding: intent({
        fields: BRANDING_FIELDS,
        run: async (values) => {
          await caller.tenant.updateBranding(values);
        },
      }),
    },
    // A redirect, so the shell reloads the tenant and the header shows the new name and colour.
    { done: (done) => `${tenantPaths.settings(slug)}?done=${done}` },
  );
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, pluginSettingsLinks } = useTenantShell();
  const { branding, partners, peers, can, brandingSaved } = loaderData;
  const palette = brandPalette(branding.colour);
  const failure = failureOf(actionData, 'branding');
  const errorOf = useFieldError(failure?.errors);
  return (
    <>
      <DocumentTitle title={t('settings.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={BRANDING_FIELDS.map((name) => ({
          name,
          label: t(BRANDING_LABELS[name] ?? 'settings.branding_colour'),
          id: `branding-${name}`,
        }))}
      />
      {brandingSaved && !failure ? (
        <Alert tone="success">
          <p>{t('settings.branding_saved')}</p>
        </Alert>
      ) : null}
      <h1>{t('settings.title')}</h1>
      <p className="admin-lead">{t('settings.intro')}</p>

      <div className="admin-settings">
        <section className="admin-panel" aria-labelledby="settings-branding">
          <h2 id="settings-branding">{t('settings.branding_heading')}</h2>
          <dl className="admin-details">
            <dt>{t('settings.branding_name')}</dt>
            <dd>{tenantName(tenant, locale)}</dd>
            <dt>{t('settings.branding_names')}</dt>
            <dd>
              {branding.nameZh} · <span lang="en">{branding.nameEn}</span>
            </dd>
            <dt>{t('settings.branding_colour')}</dt>
            <dd>
              <span
                className="admin-swatch admin-swatch--text"
                style={{ background: palette.background, color: palette.foreground }}
                aria-hidden="true"
              >
                Aa
              </span>{' '}
              <code>{branding.colour ?? '—'}</code>
              {branding.colour && palette.background !== branding.colour.toLowerCase() ? (
                <span className="admin-muted">
                  {' '}
                  {t('settings.branding_adjusted', { colour: palette.background })}
                </span>
              ) : null}
            </dd>
            <dt>{t('settings.branding_division')}</dt>
            <dd>
              <code>{branding.divisionCode}</code> · <code>{branding.timeZone}</code>
            </dd>
          </dl>
          <p className="admin-muted">{t('settings.branding_hint')}</p>
          {can.branding ? (
            <Form method="post" className="lj-form" noValidate aria-labelledby="settings-branding-edit">
              <h3 id="settings-branding-edit">{t('settings.branding_edit_heading')}</h3>
              <CsrfField />
              <input type="hidden" name="intent" value="branding" />
              <TextField
                id="branding-nameZh"
                name="nameZh"
                lang="zh-CN"
                label={t('settings.branding_name_zh')}
                hint={t('settings.branding_name_hint')}
                defaultValue={failure?.values.nameZh ?? branding.nameZh}
                error={errorOf('nameZh')}
                maxLength={60}
                required
              />
              <TextField
                id="branding-nameEn"
                name="nameEn"
                lang="en"
                label={t('settings.branding_name_en')}
                defaultValue={failure?.values.nameEn ?? branding.nameEn}
                error={errorOf('nameEn')}
                maxLength={60}
                required
              />
              <TextField
                id="branding-colour"
                name="colour"
                label={t('settings.branding_colour')}
                hint={t('settings.branding_colour_hint')}
                defaultValue={failure?.values.colour ?? branding.colour ?? ''}
                error={errorOf('colour')}
                className="admin-field--short"
                autoComplete="off"
                spellCheck={false}
                required
              />
              <Button type="submit">{t('settings.branding_submit')}</Button>
            </Form>
          ) : null}
        </section>

        <section className="admin-panel" aria-labelledby="settings-work">
          <h2 id="settings-work">{t('settings.work_heading')}</h2>
          <ul className="admin-list">
            <li>
              <Link to={tenantPaths.holidays(tenant.slug)}>{t('settings.holidays_link')}</Link>
              <p className="admin-muted">{t('settings.holidays_hint')}</p>
            </li>
            <li>
              <Link to={tenantPaths.timeLimits(tenant.slug)}>{t('settings.time_limits_link')}</Link>
              <p className="admin-muted">{t('settings.time_limits_hint')}</p>
            </li>
            {pluginSettingsLinks.map((link) => (
              <li key={link.key}>
                <Link to={link.to}>{link.label[locale]}</Link>
              </li>
            ))}
            {can.audit ? (
              <li>
                <Link to={tenantPaths.audit(tenant.slug)}>{t('settings.audit_link')}</Link>
                <p className="admin-muted">{t('settings.audit_hint')}</p>
              </li>
            ) : null}
          </ul>
          {can.settings ? null : <p className="admin-muted">{t('settings.read_only')}</p>}
        </section>

        <section className="admin-panel" aria-labelledby="settings-partners">
          <h2 id="settings-partners">{t('settings.partners_heading')}</h2>
          {partners.length === 0 ? (
            <p>{t('organisations.no_partners')}</p>
          ) : (
            <ul className="admin-list">
              {partners.map((partner) => (
                <li key={partner.id}>
                  <Link to={`${tenantPaths.organisations(tenant.slug)}?unit=${partner.id}#panel`}>
                    {organisationName(partner, locale)}
                  </Link>{' '}
                  <span className="admin-muted">
                    {organisationKindLabel(locale, partner.kind)}
                    {partner.remoteAddress ? ` · ${t('settings.partner_remote')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {can.partners ? (
            <p>
              <Link
                className="lj-button lj-button--secondary"
                to={`${tenantPaths.organisations(tenant.slug)}?new=partner#panel`}
              >
                {t('organisations.add_partner')}
              </Link>
            </p>
          ) : null}
        </section>

        <section className="admin-panel" aria-labelledby="settings-peers">
          <h2 id="settings-peers">{t('settings.peers_heading')}</h2>
          <p>{t('settings.peers_intro')}</p>
          {peers && peers.length === 0 ? <p>{t('settings.peers_none')}</p> : null}
          {peers && peers.length > 0 ? (
            <div className="admin-table-scroll">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('settings.peer_name')}</th>
                    <th scope="col">{t('settings.peer_node')}</th>
                    <th scope="col">{t('settings.peer_keys')}</th>
                    <th scope="col">{t('settings.peer_added')}</th>
                  </tr>
                </thead>
                <tbody>
                  {peers.map((peer) => (
                    <tr key={peer.nodeId}>
                      <th scope="row">{peer.name}</th>
                      <td>
                        <code className="admin-uri">{peer.baseUrl}</code>
                        <br />
                        <span className="admin-muted">{peer.nodeId}</span>
                      </td>
                      <td>{peer.keyIds.join(', ')}</td>
                      <td>{formatDate(locale, peer.addedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <pre className="admin-code">
            linju peer list{'\n'}linju peer pin https://…/.well-known/linju-node
          </pre>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
