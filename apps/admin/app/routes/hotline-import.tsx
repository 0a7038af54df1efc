import { formatNumber, isMessageKey, type MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { formText } from '../lib/form-data.ts';
import { answersFormOf } from '../lib/hotline-answers.ts';
import { hotlineFilePayload } from '../lib/hotline-file.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/hotline-import';

const SERVICE_UNIT_KINDS: readonly string[] = ['centre', 'station', 'room', 'service-point'];

/** The units the person may import for: where they manage cases. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const organisations = await load(caller.organisation.getMany());
  const parents = parentMap(organisations);
  return {
    answers: answersFormOf(new URL(request.url).searchParams, todayIn()),
    units: organisations
      .filter((o) => !o.closedAt && SERVICE_UNIT_KINDS.includes(o.kind))
      .filter((o) => allowsOn(grants, 'case.manage', o.id, parents))
      .map((o) => ({ id: o.id, nameZh: organisationName(o, 'zh-CN'), nameEn: organisationName(o, 'en') })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const organisationId = formText(form, 'organisationId');
  const file = form.get('file');
  const missing: Record<string, MessageKey> = {};
  if (!organisationId) missing.organisationId = 'validation.required';
  if (!(file instanceof File) || file.size === 0) missing.file = 'validation.required';
  if (Object.keys(missing).length > 0 || !(file instanceof File)) {
    return rejectIntent('import', { status: 400, errors: { form: [], fields: missing } }, { organisationId });
  }
  try {
    const payload = hotlineFilePayload(new Uint8Array(await file.arrayBuffer()));
    const report = await caller.case.importHotline({ organisationId, ...payload });
    return { report };
  } catch (error) {
    return rejectIntentApiError(
      'import',
      error,
      { fields: ['organisationId', 'file'], fieldForPath: { csv: 'file', xlsxBase64: 'file' } },
      { organisationId },
    );
  }
}

export default function HotlineImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const report = actionData && 'report' in actionData ? actionData.report : undefined;
  const failure = failureOf(actionData, 'import');
  const fieldError = (name: string) => {
    const key = failure?.errors.fields[name] ?? (name === 'file' ? failure?.errors.form[0] : undefined);
    return key && isMessageKey(key) ? t(key, failure?.errors.params) : undefined;
  };
  return (
    <>
      <DocumentTitle title={t('hotlineImport.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.cases(tenant.slug)}>{t('nav.cases')}</Link>
      </p>
      <h1>{t('hotlineImport.title')}</h1>
      <p>{t('hotlineImport.intro')}</p>
      {report ? (
        <Alert tone={report.errors.length > 0 ? 'warning' : 'success'} title={t('hotlineImport.done')}>
          <p>
            {t('hotlineImport.summary', {
              rows: formatNumber(locale, report.rows),
              imported: formatNumber(locale, report.imported),
              already: formatNumber(locale, report.alreadyImported.length),
              errors: formatNumber(locale, report.errors.length),
            })}
          </p>
        </Alert>
      ) : null}
      {report && report.errors.length > 0 ? (
        <table className="admin-table">
          <caption>{t('hotlineImport.errors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hotlineImport.col_row')}</th>
              <th scope="col">{t('hotlineImport.col_order')}</th>
              <th scope="col">{t('hotlineImport.col_field')}</th>
              <th scope="col">{t('hotlineImport.col_problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.row}-${e.field}`}>
                <td>{e.row}</td>
                <td>{e.orderNumber ?? '—'}</td>
                <td>{e.field}</td>
                <td>{isMessageKey(e.key) ? t(e.key) : e.key}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report && report.alreadyImported.length > 0 ? (
        <p>
          {t('hotlineImport.already', {
            orders: report.alreadyImported
              .slice(0, 20)
              .map((a) => `${a.orderNumber} (${a.row})`)
              .join('、'),
          })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="lj-form" noValidate>
        <CsrfField />
        <SelectField
          name="organisationId"
          label={t('hotlineImport.unit')}
          defaultValue={failure?.values.organisationId ?? loaderData.units[0]?.id ?? ''}
          error={fieldError('organisationId')}
        >
          {loaderData.units.map((u) => (
            <option key={u.id} value={u.id}>
              {locale === 'en' ? u.nameEn : u.nameZh}
            </option>
          ))}
        </SelectField>
        <TextField
          name="file"
          type="file"
          label={t('hotlineImport.file')}
          hint={t('hotlineImport.file_hint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={fieldError('file')}
        />
        <Button type="submit">{t('hotlineImport.submit')}</Button>
      </Form>
      <section id="answers" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('hotlineAnswers.heading')}</h2>
        <p>{t('hotlineAnswers.intro')}</p>
        {/* A plain GET to the download route: the browser saves the file, with or without JS. */}
        <Form
          method="get"
          action={tenantPaths.hotlineAnswers(tenant.slug)}
          reloadDocument
          className="lj-form"
        >
          <TextField
            name="from"
            type="date"
            label={t('hotlineAnswers.from')}
            defaultValue={loaderData.answers.from}
            error={
              loaderData.answers.problem === 'validation.date_invalid'
                ? t('validation.date_invalid')
                : undefined
            }
          />
          <TextField
            name="to"
            type="date"
            label={t('hotlineAnswers.to')}
            defaultValue={loaderData.answers.to}
            error={
              loaderData.answers.problem && loaderData.answers.problem !== 'validation.date_invalid'
                ? t(loaderData.answers.problem)
                : undefined
            }
          />
          <SelectField
            name="format"
            label={t('hotlineAnswers.format')}
            defaultValue={loaderData.answers.format}
          >
            <option value="xlsx">{t('hotlineAnswers.format_xlsx')}</option>
            <option value="csv">{t('hotlineAnswers.format_csv')}</option>
          </SelectField>
          <Button type="submit">{t('hotlineAnswers.submit')}</Button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
