import type { MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextArea, TextField, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { isIsoDate } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_FIELD_MESSAGES, declaredType } from '../lib/document-upload.ts';
import { formText } from '../lib/form-data.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { holds, staffChoices } from '../lib/staff-choices.ts';
import { type Settled, type StreamedFile, settle, streamedForm } from '../lib/streamed-form.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/providers';

const FIELDS = [
  'providerKind',
  'kind',
  'staffMemberId',
  'providerName',
  'firmName',
  'description',
  'occurredOn',
  'evidenceReference',
  'expiresOn',
  'evidenceFile',
];
const LABELS: Readonly<Record<string, MessageKey>> = {
  providerKind: 'providers.provider_kind',
  kind: 'providers.kind',
  staffMemberId: 'providers.staff_member',
  providerName: 'providers.provider_name',
  firmName: 'providers.firm_name',
  description: 'providers.description',
  occurredOn: 'providers.occurred_on',
  evidenceReference: 'providers.evidence_reference',
  evidenceFile: 'providers.evidence_file',
  expiresOn: 'providers.expires_on',
};
export const PROVIDER_KIND_LABEL: Readonly<Record<string, MessageKey>> = {
  lawyer: 'providers.kind_lawyer',
  mediator: 'providers.kind_mediator',
  firm: 'providers.kind_firm',
};
export const RECORD_KIND_LABEL: Readonly<Record<string, MessageKey>> = {
  misconduct: 'providers.record_misconduct',
  'negative-list': 'providers.record_negative_list',
};
export const RECORD_STATE_LABEL: Readonly<Record<string, MessageKey>> = {
  active: 'providers.state_active',
  expired: 'providers.state_expired',
  lifted: 'providers.state_lifted',
};

/**
 * 不良执业记录 and 负面清单: the district's records of lawyers, mediators and firms, newest first;
 * the bureau records them here (with the evidence), and assignment warns or refuses by them.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const state = new URL(request.url).searchParams.get('state') === 'active' ? 'active' : 'all';
  const [records, organisations] = await Promise.all([
    load(caller.provider.getMany({ state })),
    load(caller.organisation.getMany()),
  ]);
  const canRecord = allowsTenantWide(grants, 'provider.manage', parentMap(organisations));
  const people = canRecord ? await staffChoices(caller, holds('lawyer', 'mediator')) : [];
  return {
    state,
    canRecord,
    people,
    done: new URL(request.url).searchParams.get('done') === 'recorded',
    records: records.map((r) => ({
      id: r.id,
      providerKind: r.providerKind,
      providerName: r.providerName,
      firmName: r.firmName,
      kind: r.kind,
      description: r.description,
      occurredOn: r.occurredOn,
      expiresOn: r.expiresOn,
      state: r.state,
      appealFiledOn: r.appealFiledOn,
    })),
  };
}

type RecordValues = Record<string, string>;

const valuesOf = (form: FormData): RecordValues =>
  Object.fromEntries(
    FIELDS.filter((name) => name !== 'evidenceFile').map((name) => [name, formText(form, name).trim()]),
  );

const localCheck = (values: RecordValues) =>
  localFailure({
    description: values.description ? undefined : 'provider.description_required',
    occurredOn: isIsoDate(values.occurredOn ?? '') ? undefined : 'validation.date_invalid',
    evidenceReference: values.evidenceReference ? undefined : 'provider.evidence_required',
    expiresOn: !values.expiresOn || isIsoDate(values.expiresOn) ? undefined : 'validation.date_invalid',
    providerName: values.staffMemberId || values.providerName ? undefined : 'provider.name_required',
  });

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const intent = 'record';
  const record = (values: RecordValues, evidenceFile: StreamedFile | null) =>
    caller.provider.create({
      providerKind: values.providerKind as 'lawyer' | 'mediator' | 'firm',
      kind: values.kind as 'misconduct' | 'negative-list',
      staffMemberId: values.staffMemberId || null,
      providerName: values.providerName || null,
      firmName: values.firmName || null,
      description: values.description ?? '',
      occurredOn: values.occurredOn ?? '',
      evidenceReference: values.evidenceReference ?? '',
      evidenceFile: evidenceFile
        ? {
            fileName: evidenceFile.fileName,
            contentType: declaredType(evidenceFile.fileName, evidenceFile.contentType),
            content: evidenceFile.content,
          }
        : null,
      expiresOn: values.expiresOn || null,
    });
  // The evidence streams into the store in the record's own transaction, as the form arrives.
  let recorded: Settled<{ id: string }> | undefined;
  const form = await streamedForm(request, async (file, fields) => {
    const values = valuesOf(fields);
    if (file.field === 'evidenceFile' && !recorded && !localCheck(values))
      recorded = await settle(record(values, file));
  });
  const values = valuesOf(form);
  const local = localCheck(values);
  if (local) return rejectIntent(intent, local, values);
  recorded ??= await settle(record(values, null));
  if (recorded.ok) return redirect(`${tenantPaths.provider(slug, recorded.value.id)}?done=recorded`);
  return rejectIntentApiError(
    intent,
    recorded.error,
    {
      fields: FIELDS,
      fieldForPath: {
        'evidenceFile.contentBase64': 'evidenceFile',
        'evidenceFile.fileName': 'evidenceFile',
      },
      fieldForMessage: DOCUMENT_FIELD_MESSAGES('evidenceFile'),
    },
    values,
  );
}

export default function Providers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const { records, state, canRecord, people } = loaderData;
  const failure = failureOf(actionData, 'record');
  const errorOf = useFieldError(failure?.errors);
  const typed = (name: string, fallback = '') => failure?.values[name] ?? fallback;
  return (
    <>
      <DocumentTitle title={t('providers.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={FIELDS.map((name) => ({ name, label: t(LABELS[name] ?? 'providers.kind'), id: `p-${name}` }))}
      />
      <h1>{t('providers.title')}</h1>
      <p className="admin-lead">{t('providers.intro')}</p>
      <Form method="get" className="lj-form admin-filters">
        <SelectField id="providers-state" name="state" label={t('providers.show')} defaultValue={state}>
          <option value="all">{t('providers.show_all')}</option>
          <option value="active">{t('providers.show_active')}</option>
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('providers.filter')}
        </Button>
      </Form>
      {records.length === 0 ? (
        <p>{t('providers.none')}</p>
      ) : (
        <table className="admin-table">
          <caption>{t('providers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('providers.provider_name')}</th>
              <th scope="col">{t('providers.kind')}</th>
              <th scope="col">{t('providers.description')}</th>
              <th scope="col">{t('providers.occurred_on')}</th>
              <th scope="col">{t('providers.expires_on')}</th>
              <th scope="col">{t('providers.state')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={tenantPaths.provider(tenant.slug, r.id)}>{r.providerName}</Link>
                  {' · '}
                  {t(PROVIDER_KIND_LABEL[r.providerKind] ?? 'providers.kind_lawyer')}
                  {r.firmName ? ` · ${r.firmName}` : ''}
                </td>
                <td>{t(RECORD_KIND_LABEL[r.kind] ?? 'providers.record_misconduct')}</td>
                <td>{r.description}</td>
                <td>{r.occurredOn}</td>
                <td>{r.expiresOn ?? t('providers.no_expiry')}</td>
                <td>
                  {t(RECORD_STATE_LABEL[r.state] ?? 'providers.state_active')}
                  {r.appealFiledOn && r.state === 'active' ? ` · ${t('providers.appealed')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">{t('providers.record_heading')}</h2>
          {failure ? (
            <Alert tone="error">
              <p>{t('providers.record_failed')}</p>
            </Alert>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="lj-form">
            <CsrfField />
            <SelectField
              id="p-providerKind"
              name="providerKind"
              label={t('providers.provider_kind')}
              defaultValue={typed('providerKind', 'lawyer')}
              error={errorOf('providerKind')}
            >
              {Object.entries(PROVIDER_KIND_LABEL).map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="p-kind"
              name="kind"
              label={t('providers.kind')}
              defaultValue={typed('kind', 'misconduct')}
              error={errorOf('kind')}
            >
              {Object.entries(RECORD_KIND_LABEL).map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="p-staffMemberId"
              name="staffMemberId"
              label={t('providers.staff_member')}
              hint={t('providers.staff_member_hint')}
              defaultValue={typed('staffMemberId')}
              error={errorOf('staffMemberId')}
            >
              <option value="">—</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </SelectField>
            <TextField
              id="p-providerName"
              name="providerName"
              label={t('providers.provider_name')}
              hint={t('providers.provider_name_hint')}
              defaultValue={typed('providerName')}
              error={errorOf('providerName')}
            />
            <TextField
              id="p-firmName"
              name="firmName"
              label={t('providers.firm_name')}
              defaultValue={typed('firmName')}
              error={errorOf('firmName')}
            />
            <TextArea
              id="p-description"
              name="description"
              label={t('providers.description')}
              defaultValue={typed('description')}
              error={errorOf('description')}
            />
            <TextField
              id="p-occurredOn"
              name="occurredOn"
              type="date"
              label={t('providers.occurred_on')}
              defaultValue={typed('occurredOn')}
              error={errorOf('occurredOn')}
            />
            <TextField
              id="p-evidenceReference"
              name="evidenceReference"
              label={t('providers.evidence_reference')}
              hint={t('providers.evidence_reference_hint')}
              defaultValue={typed('evidenceReference')}
              error={errorOf('evidenceReference')}
            />
            <TextField
              id="p-expiresOn"
              name="expiresOn"
              type="date"
              label={t('providers.expires_on')}
              hint={t('providers.expires_on_hint')}
              defaultValue={typed('expiresOn')}
              error={errorOf('expiresOn')}
            />
            <TextField
              id="p-evidenceFile"
              name="evidenceFile"
              type="file"
              accept={DOCUMENT_ACCEPT}
              label={t('providers.evidence_file')}
              error={errorOf('evidenceFile')}
            />
            <Button type="submit">{t('providers.record_submit')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
