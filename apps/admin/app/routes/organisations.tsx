import { formatDate, formatNumber, type MessageKey, organisationKindLabel } from '@linju/i18n';
import { Alert, Button, Checkbox, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { PARTNER_ORGANISATION_KINDS } from '@linju/vocabulary';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { auditSearchFor } from '../lib/audit-log.ts';
import { formText, optionalText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { DETAIL_FIELDS, type DetailField, detailsFromForm } from '../lib/organisation-form.ts';
import { childKindsFor, isMovable, moveTargets, organisationOptions } from '../lib/organisation-rules.ts';
import {
  buildOrganisationTree,
  isPartnerKind,
  type OrganisationNode,
  organisationName,
  splitNetworkAndPartners,
} from '../lib/organisation-tree.ts';
import { allowsOn, allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/organisations';

/** What the success message after a redirect says. */
const DONE_MESSAGES = {
  created: 'organisations.done_created',
  updated: 'organisations.done_updated',
  moved: 'organisations.done_moved',
  closed: 'organisations.done_closed',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;

const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const rows = await load(caller.organisation.getMany());
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const parents = parentMap(rows);
  const canManagePartners = allowsTenantWide(grants, 'partner.manage', parents);
  const search = new URL(request.url).searchParams;
  const done = search.get('done');
  return {
    organisations: rows.map((row) => ({
      id: row.id,
      parentId: row.parentId,
      kind: row.kind,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      address: row.address,
      openingHours: row.openingHours,
      phone: row.phone,
      latitude: row.latitude,
      longitude: row.longitude,
      remoteAddress: row.remoteAddress,
      createdAt: row.createdAt,
      closedAt: row.closedAt,
      // Partners are the district's to manage as a whole; units, where a grant covers them.
      canManage: isPartnerKind(row.kind)
        ? canManagePartners
        : allowsOn(grants, 'organisation.manage', row.id, parents),
    })),
    selectedId: search.get('unit'),
    creatingPartner: search.get('new') === 'partner',
    canManagePartners,
    done: isDone(done) ? done : null,
  };
}

type Organisation = Route.ComponentProps['loaderData']['organisations'][number];

const unitUrl = (slug: string, id: string, done: Done) =>
  `${tenantPaths.organisations(slug)}?unit=${encodeURIComponent(id)}&done=${done}`;

const UNIT_FIELDS = [...DETAIL_FIELDS, 'kind', 'parentId', 'remoteAddress'] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  /** A unit's details as the form gives them, or the form's own refusal of them. */
  const unitForm = (
    save: (details: ReturnType<typeof detailsFromForm>['details'], form: FormData) => Promise<Response>,
  ) =>
    intent({
      fields: UNIT_FIELDS,
      keep: ['id'],
      errors: { pathPrefix: 'data' },
      run: async (values, { intent: name, form, refuse }) => {
        const { details, errors } = detailsFromForm(form);
        const problems: Record<string, MessageKey | undefined> = {
          ...errors,
          kind: name === 'create' && !values.kind ? 'validation.required' : undefined,
        };
        return localFailure(problems) ? refuse(problems) : save(details, form);
      },
    });
  return intentAction(
    request,
    {
      create: unitForm(async (details, form) => {
        const created = await caller.organisation.create({
          ...details,
          kind: formText(form, 'kind').trim() as Parameters<typeof caller.organisation.create>[0]['kind'],
          parentId: optionalText(form, 'parentId'),
          remoteAddress: optionalText(form, 'remoteAddress'),
        });
        return redirect(unitUrl(slug, created.id, 'created'));
      }),
      update: unitForm(async (details, form) => {
        const id = formText(form, 'id');
        await caller.organisation.update({ id, data: details });
        return redirect(unitUrl(slug, id, 'updated'));
      }),
      move: intent({
        fields: ['parentId'],
        keep: ['id'],
        required: ['parentId'],
        run: async (values) => {
          await caller.organisation.move({ id: values.id, parentId: values.parentId });
          return redirect(unitUrl(slug, values.id, 'moved'));
        },
      }),
      // Closing asks for a ticked confirmation, checked here, so it holds without JavaScript.
      close: intent({
        keep: ['id', 'confirm'],
        check: (values) => ({
          confirm: values.confirm === 'yes' ? undefined : 'organisations.close_confirm_required',
        }),
        run: async (values) => {
          await caller.organisation.close({ id: values.id });
          return redirect(unitUrl(slug, values.id, 'closed'));
        },
      }),
    },
    { done: () => tenantPaths.organisations(slug) },
  );
}

export default function Organisations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const { organisations, selectedId, creatingPartner, canManagePartners, done } = loaderData;
  const { network, partners } = splitNetworkAndPartners(buildOrganisationTree(organisations, locale));
  const selected = selectedId ? organisations.find((row) => row.id === selectedId) : undefined;
  const failure = actionData as IntentFailure | undefined;
  const openCount = organisations.filter((row) => !row.closedAt).length;

  return (
    <>
      <DocumentTitle title={t('organisations.title')} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields(failure?.intent, t)} />
      {done && selected && !failure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done], { name: organisationName(selected, locale) })}</p>
        </Alert>
      ) : null}
      <h1>{t('organisations.title')}</h1>
      <p className="admin-muted">
        {t('organisations.summary', {
          open: formatNumber(locale, openCount),
          closed: formatNumber(locale, organisations.length - openCount),
        })}
      </p>

      <div className="admin-split">
        <div className="admin-split__list">
          <h2>{t('organisations.network_heading')}</h2>
          {network.length > 0 ? (
            <OrganisationTree nodes={network} selectedId={selected?.id} />
          ) : (
            <p>{t('home.no_organisations')}</p>
          )}

          <h2>{t('organisations.partners_heading')}</h2>
          <p className="admin-muted">{t('organisations.partners_intro')}</p>
          {partners.length > 0 ? (
            <OrganisationTree nodes={partners} selectedId={selected?.id} />
          ) : (
            <p>{t('organisations.no_partners')}</p>
          )}
          {canManagePartners ? (
            <p>
              <Link className="lj-button lj-button--secondary" to="?new=partner#panel">
                {t('organisations.add_partner')}
              </Link>
            </p>
          ) : null}
        </div>

        <section className="admin-split__panel" id="panel" aria-labelledby="panel-heading" tabIndex={-1}>
          {selected ? (
            <UnitPanel
              // A fresh panel after every navigation: forms close once they succeeded, and a failed one
              // reopens from the posted values.
              key={`${selected.id}:${location.key}`}
              unit={selected}
              organisations={organisations}
              actionData={actionData}
            />
          ) : selectedId ? (
            <>
              <h2 id="panel-heading">{t('organisations.panel_heading')}</h2>
              <Alert tone="warning">
                <p>{t('organisation.not_found')}</p>
              </Alert>
            </>
          ) : creatingPartner && canManagePartners ? (
            <>
              <h2 id="panel-heading">{t('organisations.add_partner')}</h2>
              <CreateForm parent={undefined} kinds={PARTNER_ORGANISATION_KINDS} actionData={actionData} />
            </>
          ) : (
            <>
              <h2 id="panel-heading">{t('organisations.panel_heading')}</h2>
              <p>{t('organisations.choose_hint')}</p>
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** Labels for the error summary of the form that failed, with the ids its fields have on this page. */
function summaryFields(intent: string | undefined, t: ReturnType<typeof useTranslate>) {
  if (intent === 'create' || intent === 'update') {
    const prefix = intent === 'create' ? 'new' : 'edit';
    return [
      ...(intent === 'create'
        ? [
            { name: 'kind', label: t('organisations.kind'), id: 'new-kind' },
            { name: 'parentId', label: t('organisations.parent'), id: 'new-kind' },
          ]
        : []),
      ...DETAIL_FIELDS.map((name) => ({ name, label: t(DETAIL_LABELS[name]), id: `${prefix}-${name}` })),
      { name: 'remoteAddress', label: t('organisations.remote_address'), id: 'new-remoteAddress' },
    ];
  }
  if (intent === 'move')
    return [{ name: 'parentId', label: t('organisations.move_to'), id: 'move-parentId' }];
  if (intent === 'close')
    return [{ name: 'confirm', label: t('organisations.close_confirm'), id: 'close-confirm' }];
  return [];
}

const DETAIL_LABELS: Readonly<Record<DetailField, MessageKey>> = {
  nameZh: 'organisations.name_zh',
  nameEn: 'organisations.name_en',
  address: 'organisations.address',
  openingHours: 'organisations.opening_hours',
  phone: 'organisations.phone',
  latitude: 'organisations.latitude',
  longitude: 'organisations.longitude',
};

const DETAIL_HINTS: Partial<Record<DetailField, MessageKey>> = {
  openingHours: 'organisations.opening_hours_hint',
  latitude: 'organisations.coordinates_hint',
  longitude: 'organisations.coordinates_hint',
};

function OrganisationTree({
  nodes,
  selectedId,
}: {
  nodes: OrganisationNode<Organisation>[];
  selectedId?: string | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <ul className="admin-tree">
      {nodes.map(({ organisation, children }) => (
        <li key={organisation.id}>
          <Link
            to={`?unit=${organisation.id}#panel`}
            aria-current={organisation.id === selectedId ? 'true' : undefined}
            className={organisation.closedAt ? 'admin-tree__closed' : undefined}
          >
            {organisationName(organisation, locale)}
          </Link>{' '}
          <span className="admin-tree__kind">{organisationKindLabel(locale, organisation.kind)}</span>
          {organisation.closedAt ? <span className="admin-badge">{t('organisations.closed')}</span> : null}
          {children.length > 0 ? <OrganisationTree nodes={children} selectedId={selectedId} /> : null}
        </li>
      ))}
    </ul>
  );
}

function UnitPanel({
  unit,
  organisations,
  actionData,
}: {
  unit: Organisation;
  organisations: Organisation[];
  actionData: unknown;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const parent = unit.parentId ? organisations.find((row) => row.id === unit.parentId) : undefined;
  const childKinds = isPartnerKind(unit.kind) ? [] : childKindsFor(unit.kind);
  const targets = isMovable(unit.kind)
    ? moveTargets(unit, organisations).filter((target) => target.canManage)
    : [];
  const openChildren = organisations.filter((row) => row.parentId === unit.id && !row.closedAt).length;
  const closeFailure = failureOf(actionData, 'close');
  const moveFailure = failureOf(actionData, 'move');
  const dash = t('organisations.not_given');
  return (
    <>
      <h2 id="panel-heading">{organisationName(unit, locale)}</h2>
      <p className="admin-muted">
        {organisationKindLabel(locale, unit.kind)}
        {parent ? ` · ${t('organisations.under', { name: organisationName(parent, locale) })}` : ''}
      </p>
      {unit.closedAt ? (
        <Alert tone="info">
          <p>{t('organisations.closed_notice', { date: formatDate(locale, unit.closedAt) })}</p>
        </Alert>
      ) : null}
      <dl className="admin-details admin-details--grid">
        <dt>{t('organisations.name_zh')}</dt>
        <dd lang="zh-CN">{unit.nameZh}</dd>
        <dt>{t('organisations.name_en')}</dt>
        <dd lang="en">{unit.nameEn}</dd>
        <dt>{t('organisations.address')}</dt>
        <dd>{unit.address ?? dash}</dd>
        <dt>{t('organisations.opening_hours')}</dt>
        <dd>{unit.openingHours ?? dash}</dd>
        <dt>{t('organisations.phone')}</dt>
        <dd>{unit.phone ?? dash}</dd>
        <dt>{t('organisations.coordinates')}</dt>
        <dd>
          {unit.latitude !== null && unit.longitude !== null
            ? `${formatNumber(locale, unit.latitude, { maximumFractionDigits: 6 })}, ${formatNumber(locale, unit.longitude, { maximumFractionDigits: 6 })}`
            : dash}
        </dd>
        {isPartnerKind(unit.kind) ? (
          <>
            <dt>{t('organisations.remote_address')}</dt>
            <dd>
              {unit.remoteAddress ? <code>{unit.remoteAddress}</code> : t('organisations.same_deployment')}
            </dd>
          </>
        ) : null}
        <dt>{t('organisations.created')}</dt>
        <dd>{formatDate(locale, unit.createdAt)}</dd>
      </dl>
      <p>
        <Link to={`${tenantPaths.audit(tenant.slug)}${auditSearchFor('organisation', unit.id)}`}>
          {t('organisations.history_link')}
        </Link>
      </p>

      {unit.canManage && !unit.closedAt ? (
        <>
          <details className="admin-disclosure" open={Boolean(failureOf(actionData, 'update'))}>
            <summary>{t('organisations.edit_heading')}</summary>
            <DetailsForm intent="update" unit={unit} actionData={actionData} />
          </details>

          {childKinds.length > 0 ? (
            <details className="admin-disclosure" open={Boolean(failureOf(actionData, 'create'))}>
              <summary>{t('organisations.add_heading')}</summary>
              <CreateForm parent={unit} kinds={childKinds} actionData={actionData} />
            </details>
          ) : null}

          {targets.length > 0 ? (
            <details className="admin-disclosure" open={Boolean(moveFailure)}>
              <summary>{t('organisations.move_heading')}</summary>
              <p>{t('organisations.move_intro')}</p>
              <Form method="post" action={`?unit=${unit.id}`} className="lj-form" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="id" value={unit.id} />
                <OrganisationSelect
                  label={t('organisations.move_to')}
                  name="parentId"
                  id="move-parentId"
                  options={organisationOptions(targets, locale)}
                  placeholder={t('ui.choose')}
                  defaultValue={moveFailure?.values.parentId}
                  error={moveFailure?.errors.fields.parentId && t(moveFailure.errors.fields.parentId)}
                  required
                />
                <Button type="submit" variant="secondary">
                  {t('organisations.move_submit')}
                </Button>
              </Form>
            </details>
          ) : null}

          <details className="admin-disclosure" open={Boolean(closeFailure)}>
            <summary>{t('organisations.close_heading')}</summary>
            <p>{t('organisations.close_intro')}</p>
            {openChildren > 0 ? (
              <Alert tone="warning">
                <p>{t('organisations.close_children', { count: formatNumber(locale, openChildren) })}</p>
              </Alert>
            ) : null}
            <Form method="post" action={`?unit=${unit.id}`} className="lj-form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="id" value={unit.id} />
              <div className={closeFailure?.errors.fields.confirm ? 'lj-field lj-field--error' : 'lj-field'}>
                {closeFailure?.errors.fields.confirm ? (
                  <p className="lj-field__error" id="close-confirm-error">
                    <span className="lj-visually-hidden">{t('ui.error_prefix')} </span>
                    {t(closeFailure.errors.fields.confirm)}
                  </p>
                ) : null}
                <Checkbox
                  id="close-confirm"
                  name="confirm"
                  value="yes"
                  label={t('organisations.close_confirm', { name: organisationName(unit, locale) })}
                  aria-describedby={closeFailure?.errors.fields.confirm ? 'close-confirm-error' : undefined}
                />
              </div>
              <Button type="submit" variant="secondary" className="admin-button--danger">
                {t('organisations.close_submit')}
              </Button>
            </Form>
          </details>
        </>
      ) : null}
    </>
  );
}

/** The details of a unit, for editing one or as part of creating one. */
function DetailFields({
  prefix,
  defaults,
  failure,
}: {
  prefix: string;
  defaults: Partial<Record<DetailField, string | number | null>>;
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const value = (name: DetailField) =>
    failure?.values[name] ?? (defaults[name] === null ? '' : String(defaults[name] ?? ''));
  const error = useFieldError(failure?.errors);
  const hint = (name: DetailField) => {
    const key = DETAIL_HINTS[name];
    return key ? t(key) : undefined;
  };
  return (
    <>
      {DETAIL_FIELDS.map((name) => (
        <TextField
          key={name}
          id={`${prefix}-${name}`}
          name={name}
          label={t(DETAIL_LABELS[name])}
          hint={hint(name)}
          defaultValue={value(name)}
          error={error(name)}
          required={name === 'nameZh' || name === 'nameEn'}
          inputMode={
            name === 'latitude' || name === 'longitude' ? 'decimal' : name === 'phone' ? 'tel' : undefined
          }
          type={name === 'phone' ? 'tel' : 'text'}
          lang={name === 'nameZh' ? 'zh-CN' : name === 'nameEn' ? 'en' : undefined}
          autoComplete="off"
          className={name === 'latitude' || name === 'longitude' ? 'admin-field--short' : undefined}
        />
      ))}
    </>
  );
}

function DetailsForm({
  intent,
  unit,
  actionData,
}: {
  intent: 'update';
  unit: Organisation;
  actionData: unknown;
}) {
  const t = useTranslate();
  return (
    <Form method="post" action={`?unit=${unit.id}`} className="lj-form" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={unit.id} />
      <DetailFields prefix="edit" defaults={unit} failure={failureOf(actionData, intent)} />
      <Button type="submit">{t('organisations.save')}</Button>
    </Form>
  );
}

/** Creates a unit under `parent`, or a partner (no parent), of one of `kinds`. */
function CreateForm({
  parent,
  kinds,
  actionData,
}: {
  parent: Organisation | undefined;
  kinds: readonly string[];
  actionData: unknown;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const failure = failureOf(actionData, 'create');
  const kindError = failure?.errors.fields.kind ?? failure?.errors.fields.parentId;
  const partner = parent === undefined;
  return (
    <Form
      method="post"
      action={parent ? `?unit=${parent.id}` : '?new=partner'}
      className="lj-form"
      noValidate
    >
      <CsrfField />
      <input type="hidden" name="intent" value="create" />
      {parent ? <input type="hidden" name="parentId" value={parent.id} /> : null}
      {parent ? <p>{t('organisations.add_intro', { name: organisationName(parent, locale) })}</p> : null}
      <SelectField
        id="new-kind"
        name="kind"
        label={t('organisations.kind')}
        defaultValue={failure?.values.kind ?? (kinds.length === 1 ? kinds[0] : '')}
        error={kindError && t(kindError)}
        required
      >
        {kinds.length > 1 ? <option value="">{t('ui.choose')}</option> : null}
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {organisationKindLabel(locale, kind)}
          </option>
        ))}
      </SelectField>
      <DetailFields prefix="new" defaults={{}} failure={failure} />
      {partner ? (
        <TextField
          id="new-remoteAddress"
          name="remoteAddress"
          label={t('organisations.remote_address')}
          hint={t('organisations.remote_address_hint')}
          defaultValue={failure?.values.remoteAddress}
          error={failure?.errors.fields.remoteAddress && t(failure.errors.fields.remoteAddress)}
          autoComplete="off"
          spellCheck={false}
        />
      ) : null}
      <Button type="submit">
        {partner ? t('organisations.add_partner') : t('organisations.add_submit')}
      </Button>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
