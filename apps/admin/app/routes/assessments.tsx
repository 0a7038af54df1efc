import { formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationRow } from '../lib/organisation-tree.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { requireSession, signedInPerson } from '../lib/session.ts';
import { cappedForm, megabytes } from '../lib/streamed-form.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/assessments';

/** 第三方评估: import an assessor's results, and read them per period and service point. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const organisations = await load(caller.organisation.getMany());
  const units = organisations.filter((o) => isOpenNetworkUnit(o)).map(organisationRow);
  const org = units.find((u) => u.id === search.get('org'))?.id ?? null;
  const period = search.get('period') || null;
  const listed = await load(caller.assessment.getMany({ period, organisationId: org }));
  return {
    ...listed,
    units,
    org,
    period: period ?? '',
    canImport: allowsTenantWide(grants, 'assessment.import', parentMap(organisations)),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller, uploadMaxBytes } = getAdminContext(context);
  // Signed in before a file is read whole: nobody else makes the server hold one.
  await requireSession(caller, tenantSlugFrom(params), ['home']);
  const { form, tooLarge } = await cappedForm(request, uploadMaxBytes);
  if (tooLarge) {
    return rejectIntent('import', {
      status: 400,
      errors: {
        form: [],
        fields: { file: 'case.upload_too_large' },
        params: { max: megabytes(uploadMaxBytes) },
      },
    });
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return rejectIntent('import', {
      status: 400,
      errors: { form: [], fields: { file: 'validation.required' } },
    });
  }
  try {
    // The bytes as they came: the API tells a workbook from CSV, and UTF-8 from GB18030.
    const fileBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    const report = await caller.assessment.import({ fileName: file.name || 'upload', fileBase64 });
    return { report };
  } catch (error) {
    return rejectIntentApiError('import', error, {
      fields: ['file'],
      fieldForPath: { fileBase64: 'file', fileName: 'file' },
    });
  }
}

export default function Assessments({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { results, periods, units, org, period, canImport } = loaderData;
  const report = actionData && 'report' in actionData ? actionData.report : undefined;
  const failure = failureOf(actionData, 'import');
  const fileKey = failure?.errors.fields.file ?? failure?.errors.form[0];
  return (
    <>
      <DocumentTitle title={t('assessments.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.questionnaires(tenant.slug)}>{t('questionnaires.title')}</Link>
      </p>
      <h1>{t('assessments.title')}</h1>
      <p className="admin-lead">{t('assessments.intro')}</p>
      {report ? (
        <Alert tone={report.errors.length > 0 ? 'warning' : 'success'} title={t('assessments.done')}>
          <p>
            {t('assessments.summary', {
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
          <caption>{t('assessments.errors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hotlineImport.col_row')}</th>
              <th scope="col">{t('hotlineImport.col_field')}</th>
              <th scope="col">{t('hotlineImport.col_problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.row}-${e.field}`}>
                <td>{e.row}</td>
                <td>{t(`assessments.column_${e.field}` as 'assessments.column_score')}</td>
                <td>{isMessageKey(e.key) ? t(e.key, e.params) : e.key}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canImport ? (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{t('assessments.import')}</h2>
          <p>
            {t('assessments.template_intro')}{' '}
            <a href={tenantPaths.assessmentTemplate(tenant.slug)} download>
              {t('assessments.template')}
            </a>
          </p>
          <Form method="post" encType="multipart/form-data" className="lj-form" noValidate>
            <CsrfField />
            <TextField
              name="file"
              type="file"
              label={t('assessments.file')}
              hint={t('assessments.file_hint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              error={fileKey && isMessageKey(fileKey) ? t(fileKey, failure?.errors.params) : undefined}
            />
            <Button type="submit">{t('assessments.submit')}</Button>
          </Form>
        </section>
      ) : null}
      <h2>{t('assessments.results')}</h2>
      <Form method="get" className="lj-form admin-filters">
        <SelectField name="period" label={t('assessments.column_period')} defaultValue={period}>
          <option value="">{t('assessments.all_periods')}</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <OrganisationSelect
          name="org"
          label={t('assessments.column_servicePoint')}
          placeholder={t('assessments.all_units')}
          options={organisationOptions(units, locale)}
          defaultValue={org ?? ''}
        />
        <Button type="submit" variant="secondary">
          {t('assessments.show')}
        </Button>
      </Form>
      {results.length === 0 ? (
        <p>{t('assessments.none')}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="admin-table">
            <caption className="lj-visually-hidden">{t('assessments.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.column_period')}</th>
                <th scope="col">{t('assessments.column_servicePoint')}</th>
                <th scope="col">{t('assessments.column_indicator')}</th>
                <th scope="col">{t('assessments.column_score')}</th>
                <th scope="col">{t('assessments.column_assessor')}</th>
                <th scope="col">{t('assessments.column_remarks')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>{r.period}</td>
                  <th scope="row">{locale === 'en' ? r.organisationNameEn : r.organisationNameZh}</th>
                  <td>{r.indicator}</td>
                  <td>{formatNumber(locale, r.score)}</td>
                  <td>{r.assessor}</td>
                  <td>{r.remarks ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
