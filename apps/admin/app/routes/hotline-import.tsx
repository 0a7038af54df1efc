import { formatDateTime, formatNumber, isMessageKey, type MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { useEffect } from 'react';
import { Form, Link, redirect, useRevalidator } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { formText } from '../lib/form-data.ts';
import { answersFormOf } from '../lib/hotline-answers.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { requireSession, signedInPerson } from '../lib/session.ts';
import { cappedForm, megabytes } from '../lib/streamed-form.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import { unitsAllowing } from '../lib/units-allowing.ts';
import type { Route } from './+types/hotline-import';

/**
 * The units the person may import for (where they manage cases), their latest imports, and one
 * import in full (`?import=<id>`, else the latest): progress while it runs, the report when done.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const [organisations, imports] = await Promise.all([
    load(caller.organisation.getMany()),
    load(caller.case.hotlineImport.getMany()),
  ]);
  const shownId = search.get('import') ? idParam(search.get('import') ?? '') : imports[0]?.id;
  return {
    imports,
    shown: shownId ? await load(caller.case.hotlineImport.get({ id: shownId })) : null,
    answers: answersFormOf(search, todayIn()),
    units: unitsAllowing(organisations, grants, 'case.manage'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller, uploadMaxBytes } = getAdminContext(context);
  // Signed in before a file is read whole: nobody else makes the server hold one.
  await requireSession(caller, tenantSlugFrom(params), ['home']);
  const { form, tooLarge } = await cappedForm(request, uploadMaxBytes);
  const organisationId = formText(form, 'organisationId');
  if (tooLarge) {
    return rejectIntent(
      'import',
      {
        status: 400,
        errors: {
          form: [],
          fields: { file: 'case.upload_too_large' },
          params: { max: megabytes(uploadMaxBytes) },
        },
      },
      { organisationId },
    );
  }
  const file = form.get('file');
  const missing: Record<string, MessageKey> = {};
  if (!organisationId) missing.organisationId = 'validation.required';
  if (!(file instanceof File) || file.size === 0) missing.file = 'validation.required';
  if (Object.keys(missing).length > 0 || !(file instanceof File)) {
    return rejectIntent('import', { status: 400, errors: { form: [], fields: missing } }, { organisationId });
  }
  let queued: { id: string };
  try {
    // The bytes as they came: the API tells a workbook from CSV, and UTF-8 from GB18030.
    const fileBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    queued = await caller.case.hotlineImport.create({ organisationId, fileBase64 });
  } catch (error) {
    return rejectIntentApiError(
      'import',
      error,
      { fields: ['organisationId', 'file'], fieldForPath: { fileBase64: 'file' } },
      { organisationId },
    );
  }
  // Posted, then shown by address: a reload shows the progress instead of posting the file again.
  return redirect(`${tenantPaths.hotlineImport(tenantSlugFrom(params))}?import=${queued.id}#import`);
}

export default function HotlineImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { imports, shown } = loaderData;
  const failure = failureOf(actionData, 'import');
  const fieldError = (name: string) => {
    const key = failure?.errors.fields[name] ?? (name === 'file' ? failure?.errors.form[0] : undefined);
    return key && isMessageKey(key) ? t(key, failure?.errors.params) : undefined;
  };
  const here = tenantPaths.hotlineImport(tenant.slug);
  // While an import runs, the page reloads its data every two seconds (with JavaScript; without
  // it, the "refresh" link beside the progress bar does the same).
  const revalidator = useRevalidator();
  const unfinished = imports.some((i) => i.status === 'queued' || i.status === 'running');
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [unfinished, revalidator]);
  const summary = (job: NonNullable<typeof shown>) =>
    t('hotlineImport.summary', {
      rows: formatNumber(locale, job.rows),
      imported: formatNumber(locale, job.imported),
      already: formatNumber(locale, job.alreadyImported),
      errors: formatNumber(locale, job.errors),
    });
  const failedText = (job: (typeof imports)[number]) =>
    t('hotlineImport.failed', { reason: job.error && isMessageKey(job.error) ? t(job.error) : '' });
  const status = (job: (typeof imports)[number]) =>
    job.status === 'done' ? (
      t('hotlineImport.done')
    ) : job.status === 'failed' ? (
      failedText(job)
    ) : (
      <>
        <progress max={100} value={job.progress} aria-label={t('hotlineImport.progress')} />{' '}
        {job.status === 'queued'
          ? t('hotlineImport.queued')
          : t('hotlineImport.running', {
              done: formatNumber(locale, job.rowsDone),
              rows: formatNumber(locale, job.rows),
            })}{' '}
        <Link to={`${here}?import=${job.id}#import`}>{t('hotlineImport.refresh')}</Link>
      </>
    );
  return (
    <>
      <DocumentTitle title={t('hotlineImport.title')} tenant={tenant} />
      <p>
        <Link to={tenantPaths.cases(tenant.slug)}>{t('nav.cases')}</Link>
      </p>
      <h1>{t('hotlineImport.title')}</h1>
      <p>{t('hotlineImport.intro')}</p>
      {shown ? (
        <section id="import" aria-live="polite">
          {shown.status === 'done' || shown.status === 'failed' ? (
            <Alert
              tone={shown.status === 'failed' ? 'error' : shown.errors > 0 ? 'warning' : 'success'}
              title={shown.status === 'failed' ? failedText(shown) : t('hotlineImport.done')}
            >
              <p>{summary(shown)}</p>
            </Alert>
          ) : (
            <p>{status(shown)}</p>
          )}
          {shown.rowErrors.length > 0 ? (
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
                {shown.rowErrors.map((e) => (
                  <tr key={e.row}>
                    <td>{e.row}</td>
                    <td>{e.orderNumber ?? '—'}</td>
                    <td>{e.field}</td>
                    <td>{isMessageKey(e.key) ? t(e.key) : e.key}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {shown.alreadyImportedRows.length > 0 ? (
            <p>
              {t('hotlineImport.already', {
                orders: shown.alreadyImportedRows
                  .slice(0, 20)
                  .map((a) => `${a.orderNumber} (${a.row})`)
                  .join('、'),
              })}
            </p>
          ) : null}
        </section>
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
      {imports.length > 0 ? (
        <table className="admin-table">
          <caption>{t('hotlineImport.my_imports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hotlineImport.requested_at')}</th>
              <th scope="col">{t('hotlineImport.status')}</th>
              <th scope="col">{t('hotlineImport.view')}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((job) => (
              <tr key={job.id}>
                <td>{formatDateTime(locale, job.requestedAt)}</td>
                <td>{status(job)}</td>
                <td>
                  <Link to={`${here}?import=${job.id}#import`}>{t('hotlineImport.view')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
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
