import { formatDate, formatDateTime } from '@linju/i18n';
import { Alert, Button, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { usePeriodLabel } from '../components/period-select.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/inspection';

/** One inspection: its scores item by item on its own checklist version, findings and rectification. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const inspection = await load(caller.inspection.get({ id: params.id ?? '' }));
  const done = new URL(request.url).searchParams.get('done');
  return {
    inspection,
    canRecord: allowsAnywhere(grants, 'inspection.record'),
    done: done === 'recorded' || done === 'ticked' ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  try {
    await caller.inspection.setRectificationDone({
      id: formText(form, 'rectificationId'),
      done: formText(form, 'done') === 'true',
    });
    return redirect(`${tenantPaths.inspection(slug, params.id ?? '')}?done=ticked`);
  } catch (error) {
    return rejectIntentApiError('tick', error, { fields: [] });
  }
}

export default function Inspection({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const periodLabel = usePeriodLabel();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { inspection, canRecord, done } = loaderData;
  const failure = failureOf(actionData, 'tick');
  const unitName = locale === 'en' ? inspection.organisation.nameEn : inspection.organisation.nameZh;
  const scores = new Map(inspection.scores.map((s) => [s.itemId, s]));
  const title = t('inspection.title', { unit: unitName, day: formatDate(locale, inspection.inspectedOn) });
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={[]} />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t(done === 'recorded' ? 'inspection.done_recorded' : 'inspection.done_ticked')}</p>
        </Alert>
      ) : null}
      <p>
        <Link to={tenantPaths.inspections(tenant.slug)}>{t('inspections.back')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="admin-details">
        <dt>{t('inspections.col_score')}</dt>
        <dd>
          <strong>
            {t('inspections.score_of', { score: inspection.totalScore, max: inspection.maxScore })}
          </strong>
        </dd>
        <dt>{t('inspections.quarter')}</dt>
        <dd>{periodLabel(inspection.quarter)}</dd>
        <dt>{t('inspections.inspectors')}</dt>
        <dd>{inspection.inspectors.map((p) => p.displayName).join('、')}</dd>
        <dt>{t('inspection.checklist')}</dt>
        <dd>
          {t('inspection.checklist_version', {
            title: inspection.checklist.title,
            version: inspection.checklist.version,
          })}
        </dd>
        <dt>{t('inspection.recorded_at')}</dt>
        <dd>{formatDateTime(locale, inspection.recordedAt)}</dd>
      </dl>
      {inspection.checklist.sections.map((section) => (
        <section key={section.title}>
          <h2>{section.title}</h2>
          <div className="admin-table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('inspection.col_item')}</th>
                  <th scope="col">{t('inspections.col_score')}</th>
                  <th scope="col">{t('inspection.col_remark')}</th>
                </tr>
              </thead>
              <tbody>
                {section.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      {item.id} {item.text}
                    </th>
                    <td className="admin-nowrap">
                      {t('inspections.score_of', {
                        score: scores.get(item.id)?.score ?? 0,
                        max: item.maxScore,
                      })}
                    </td>
                    <td>{scores.get(item.id)?.remark}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <h2>{t('inspections.findings')}</h2>
      <p className="admin-prewrap">{inspection.findings || t('inspection.no_findings')}</p>
      <h2>{t('inspections.rectifications')}</h2>
      {inspection.rectifications.length === 0 ? (
        <p>{t('inspection.no_rectifications')}</p>
      ) : (
        <ul className="admin-list">
          {inspection.rectifications.map((item) => (
            <li key={item.id}>
              <strong>{item.description}</strong>{' '}
              <span className="admin-muted">
                {t('inspection.due', { day: formatDate(locale, item.dueOn) })}
              </span>{' '}
              {item.doneAt ? (
                <span>{t('inspection.done_on', { day: formatDateTime(locale, item.doneAt) })}</span>
              ) : (
                <span>{t('inspection.open')}</span>
              )}
              {canRecord ? (
                <Form method="post" className="admin-inline-form">
                  <CsrfField />
                  <input type="hidden" name="rectificationId" value={item.id} />
                  <input type="hidden" name="done" value={item.doneAt ? 'false' : 'true'} />
                  <Button
                    type="submit"
                    variant="secondary"
                    className="admin-button--small"
                    aria-label={t(item.doneAt ? 'inspection.reopen_named' : 'inspection.mark_done_named', {
                      item: item.description,
                    })}
                  >
                    {t(item.doneAt ? 'inspection.reopen' : 'inspection.mark_done')}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
