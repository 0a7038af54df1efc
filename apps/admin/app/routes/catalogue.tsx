import { type MessageKey, organisationKindLabel } from '@linju/i18n';
import { Alert, Button, ConfirmStep, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationName, organisationRow } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import type { IntentFailure } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/catalogue';

/** Units that may define their own X services (the server refuses rooms). */
const DEFINING_KINDS: readonly string[] = ['centre', 'station'];

const DONE_MESSAGES = {
  enabled: 'catalogue.done_enabled',
  disabled: 'catalogue.done_disabled',
  retired: 'catalogue.done_retired',
  defined: 'catalogue.done_defined',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

/**
 * The "6+X" catalogue of one unit: the six core services and the X add-ons, each switched on or off
 * there (a switch applies below too, until a unit below decides otherwise), and what a resident of
 * that unit sees — the service items and the seven plain-language entry points.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  const network = organisations.filter((row) => isOpenNetworkUnit(row));
  const search = new URL(request.url).searchParams;
  const asked = search.get('org');
  // The unit asked for, else the first unit the person manages, else the top of the tree they see.
  const unit =
    network.find((row) => row.id === asked) ??
    network.find((row) => allowsOn(grants, 'catalogue.manage', row.id, parents)) ??
    network.find((row) => !row.parentId || !parents.has(row.parentId)) ??
    network[0];
  if (!unit) throw new Response(null, { status: 404 });
  const [services, preview] = await Promise.all([
    load(caller.catalogue.getMany({ organisationId: unit.id })),
    load(caller.catalogue.preview({ organisationId: unit.id })),
  ]);
  const done = search.get('done');
  const names = new Map(organisations.map((row) => [row.id, { nameZh: row.nameZh, nameEn: row.nameEn }]));
  return {
    unit: { id: unit.id, kind: unit.kind, nameZh: unit.nameZh, nameEn: unit.nameEn },
    units: network.map(organisationRow),
    services: services.map((service) => ({
      pluginId: service.pluginId,
      kind: service.kind,
      declarative: service.declarative,
      name: service.name,
      description: service.description,
      enabled: service.enabled,
      decidedAt: service.decidedAt ? (names.get(service.decidedAt) ?? null) : null,
      decidedHere: service.decidedAt === unit.id,
      definedHere: service.definedAt === unit.id,
      xServiceId: service.xServiceId,
      fieldCount: service.form.length,
    })),
    preview,
    canManage: allowsOn(grants, 'catalogue.manage', unit.id, parents),
    canDefine: DEFINING_KINDS.includes(unit.kind) && allowsOn(grants, 'catalogue.manage', unit.id, parents),
    done: isDone(done) ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (organisationId: string, done: Done) =>
    redirect(`${tenantPaths.catalogue(slug)}?org=${encodeURIComponent(organisationId)}&done=${done}`);
  return intentAction(
    request,
    {
      switch: intent({
        keep: ['organisationId', 'pluginId', 'enabled', 'serviceName', 'unitName'],
        // Switching off stops the unit and every unit below it taking such matters: asked first.
        confirm: ({ enabled, serviceName, unitName }) =>
          enabled === 'false'
            ? { question: 'catalogue.switch_off_confirm', params: { service: serviceName, unit: unitName } }
            : undefined,
        run: async ({ organisationId, pluginId, enabled }) => {
          await caller.catalogue.setEnabled({ organisationId, pluginId, enabled: enabled === 'true' });
          return back(organisationId, enabled === 'true' ? 'enabled' : 'disabled');
        },
      }),
      retire: intent({
        keep: ['organisationId', 'xServiceId', 'serviceName'],
        confirm: ({ serviceName }) => ({
          question: 'catalogue.retire_confirm',
          params: { service: serviceName },
        }),
        run: async (values) => {
          await caller.xService.retire({ id: values.xServiceId });
          return back(values.organisationId, 'retired');
        },
      }),
    },
    { done: () => tenantPaths.catalogue(slug) },
  );
}

export default function Catalogue({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { unit, units, services, preview, canManage, canDefine, done } = loaderData;
  const failure = actionData as IntentFailure | undefined;
  const unitName = organisationName(unit, locale);
  const core = services.filter((service) => service.kind === 'core');
  const extras = services.filter((service) => service.kind === 'x');
  const knowledge = services.filter((service) => service.kind === 'knowledge');
  return (
    <>
      <DocumentTitle title={t('catalogue.title')} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={[]} />
      <ConfirmStep />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done], { unit: unitName })}</p>
        </Alert>
      ) : null}
      <h1>{t('catalogue.title')}</h1>
      <p className="admin-lead">{t('catalogue.intro')}</p>

      <Form method="get" className="lj-form admin-filters" aria-label={t('catalogue.unit_picker')}>
        <OrganisationSelect
          id="catalogue-org"
          name="org"
          label={t('catalogue.unit')}
          options={organisationOptions(units, locale)}
          defaultValue={unit.id}
        />
        <Button type="submit" variant="secondary">
          {t('catalogue.show')}
        </Button>
      </Form>

      <h2>
        {t('catalogue.services_at', { unit: unitName })}{' '}
        <span className="admin-muted">{organisationKindLabel(locale, unit.kind)}</span>
      </h2>
      <ServiceTable
        caption={t('catalogue.core_caption')}
        services={core}
        unitId={unit.id}
        unitName={unitName}
        canManage={canManage}
      />
      <ServiceTable
        caption={t('catalogue.x_caption')}
        services={extras}
        unitId={unit.id}
        unitName={unitName}
        canManage={canManage}
        empty={t('catalogue.no_x')}
      />
      <ServiceTable
        caption={t('catalogue.knowledge_caption')}
        services={knowledge}
        unitId={unit.id}
        unitName={unitName}
        canManage={canManage}
      />
      {canDefine ? (
        <p>
          <Link
            className="lj-button lj-button--secondary"
            to={`${tenantPaths.xServiceNew(tenant.slug)}?org=${encodeURIComponent(unit.id)}`}
          >
            {t('catalogue.define_x')}
          </Link>
        </p>
      ) : null}

      <section className="admin-panel admin-preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('catalogue.preview_heading', { unit: unitName })}</h2>
        <p className="admin-muted">{t('catalogue.preview_intro')}</p>
        <h3>{t('catalogue.entry_points')}</h3>
        {preview.entryPoints.length === 0 ? (
          <p>{t('catalogue.no_entry_points')}</p>
        ) : (
          <ul className="admin-entry-points">
            {preview.entryPoints.map((entry) => (
              <li key={entry.id} className="admin-entry-point">
                <strong>{locale === 'en' ? entry.en : entry.zh}</strong>
                <span className="admin-muted">
                  {services.find((service) => service.pluginId === entry.pluginId)?.name[locale] ??
                    entry.pluginId}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('catalogue.items')}</h3>
        {preview.items.length === 0 ? (
          <p>{t('catalogue.no_items')}</p>
        ) : (
          <ul className="admin-catalogue-items">
            {preview.items.map((item) => (
              <li key={`${item.pluginId}:${item.id}`}>
                <strong>{item.name[locale]}</strong>{' '}
                <span className="admin-muted">· {item.pluginName[locale]}</span>
                <br />
                <span>{item.description[locale]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

type Service = Route.ComponentProps['loaderData']['services'][number];

function ServiceTable({
  caption,
  services,
  unitId,
  unitName,
  canManage,
  empty,
}: {
  caption: string;
  services: Service[];
  unitId: string;
  /** Named in the question asked before switching a service off here. */
  unitName: string;
  canManage: boolean;
  empty?: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (services.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.col_service')}</th>
            <th scope="col">{t('catalogue.col_state')}</th>
            <th scope="col">{t('catalogue.col_decided')}</th>
            {canManage ? <th scope="col">{t('catalogue.col_actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const name = service.name[locale];
            return (
              <tr key={service.pluginId}>
                <th scope="row">
                  {name}
                  <br />
                  <span className="admin-muted">
                    {service.description[locale]}
                    {service.declarative
                      ? ` · ${t('catalogue.declarative', { fields: String(service.fieldCount) })}`
                      : ''}
                  </span>
                </th>
                <td>
                  <span className={`admin-status admin-status--service-${service.enabled ? 'on' : 'off'}`}>
                    {t(service.enabled ? 'catalogue.on' : 'catalogue.off')}
                  </span>
                </td>
                <td>
                  {service.decidedHere
                    ? t('catalogue.decided_here')
                    : service.decidedAt
                      ? t('catalogue.inherited_from', { unit: organisationName(service.decidedAt, locale) })
                      : t('catalogue.not_decided')}
                </td>
                {canManage ? (
                  <td>
                    <div className="admin-action-row">
                      <Form method="post" className="admin-inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="switch" />
                        <input type="hidden" name="organisationId" value={unitId} />
                        <input type="hidden" name="pluginId" value={service.pluginId} />
                        <input type="hidden" name="enabled" value={service.enabled ? 'false' : 'true'} />
                        <input type="hidden" name="serviceName" value={name} />
                        <input type="hidden" name="unitName" value={unitName} />
                        <Button
                          type="submit"
                          variant={service.enabled ? 'secondary' : 'primary'}
                          className="admin-button--small"
                          aria-label={t(
                            service.enabled ? 'catalogue.switch_off_named' : 'catalogue.switch_on_named',
                            {
                              service: name,
                            },
                          )}
                        >
                          {t(service.enabled ? 'catalogue.switch_off' : 'catalogue.switch_on')}
                        </Button>
                      </Form>
                      {service.definedHere && service.xServiceId ? (
                        <Form method="post" className="admin-inline-form">
                          <CsrfField />
                          <input type="hidden" name="intent" value="retire" />
                          <input type="hidden" name="organisationId" value={unitId} />
                          <input type="hidden" name="xServiceId" value={service.xServiceId} />
                          <input type="hidden" name="serviceName" value={name} />
                          <Button
                            type="submit"
                            variant="secondary"
                            className="admin-button--small admin-button--danger"
                            aria-label={t('catalogue.retire_named', { service: name })}
                          >
                            {t('catalogue.retire')}
                          </Button>
                        </Form>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
