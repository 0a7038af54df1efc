import { formatDate, formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, TextArea, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { load } from '../lib/route-errors.ts';
import { serviceCategoryName } from '../lib/service-name.ts';
import { failureOf, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/sweeps';

/** Lines of each ranking shown: the top is what the review is about; the rest is in the record. */
const SHOWN = 8;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const reviews = await load(caller.sweep.getMany());
  return {
    slug: tenantSlugFrom(params),
    reviews,
    done: new URL(request.url).searchParams.get('done') === '1',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const id = formText(form, 'id');
  const note = formText(form, 'note').trim();
  try {
    await caller.sweep.markReviewed({ id, note: note || null });
  } catch (error) {
    return rejectIntentApiError(`review:${id}`, error, { fields: ['note'] }, { note });
  }
  return redirect(`${tenantPaths.sweeps(slug)}?done=1`);
}

type Review = Route.ComponentProps['loaderData']['reviews'][number];
type Finding = Review['findings']['categories'][number] & { nameZh?: string; nameEn?: string };

function Ranking({
  title,
  findings,
  name,
}: {
  title: string;
  findings: Finding[];
  name: (f: Finding) => string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  if (findings.length === 0) return null;
  const change = (f: Finding) =>
    `${f.change > 0 ? '+' : ''}${formatNumber(locale, f.change)}${
      f.growth === null
        ? ` (${t('sweeps.growth_new')})`
        : ` (${f.growth > 0 ? '+' : ''}${Math.round(f.growth * 100)}%)`
    }`;
  return (
    <table className="admin-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sweeps.col_name')}</th>
          <th scope="col">{t('sweeps.col_current')}</th>
          <th scope="col">{t('sweeps.col_previous')}</th>
          <th scope="col">{t('sweeps.col_change')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.slice(0, SHOWN).map((f) => (
          <tr key={f.key}>
            <th scope="row">{name(f)}</th>
            <td>{formatNumber(locale, f.current)}</td>
            <td>{formatNumber(locale, f.previous)}</td>
            <td>{change(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Sweeps({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { slug, reviews, done } = loaderData;
  const category = (f: Finding) => serviceCategoryName(services, f.key, '/', locale);
  const unit = (f: Finding) => (locale === 'en' ? (f.nameEn ?? f.key) : (f.nameZh ?? f.key));
  return (
    <>
      <DocumentTitle title={t('sweeps.title')} tenant={tenant} />
      <h1>{t('sweeps.title')}</h1>
      <p>{t('sweeps.intro')}</p>
      {done ? <Alert tone="success">{t('sweeps.done')}</Alert> : null}
      {reviews.length === 0 ? <p className="admin-muted">{t('sweeps.empty')}</p> : null}
      {reviews.map((r) => {
        const failure = failureOf(actionData, `review:${r.id}`);
        const error = failure?.errors.fields.note ?? failure?.errors.form[0];
        const headingId = `sweep-${r.id}`;
        return (
          <section key={r.id} className="admin-sweep" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t('sweeps.month', { month: r.findings.month, previous: r.findings.previousMonth })}{' '}
              <span className="admin-status">
                {r.status === 'open'
                  ? t('sweeps.status_open')
                  : t('sweeps.status_reviewed', {
                      date: r.reviewedAt ? formatDate(locale, r.reviewedAt) : '',
                    })}
              </span>
            </h2>
            <p>
              {t('sweeps.totals', {
                current: r.findings.totals.cases.current,
                previous: r.findings.totals.cases.previous,
                hotline: r.findings.totals.hotline12345.current,
                hotlinePrevious: r.findings.totals.hotline12345.previous,
              })}
            </p>
            {r.findings.statistics ? (
              <p>
                {t('sweeps.statistics', {
                  received: r.findings.statistics.received,
                  resolved: r.findings.statistics.resolved,
                  onTime:
                    r.findings.statistics.onTimeRate === null
                      ? '—'
                      : formatNumber(locale, r.findings.statistics.onTimeRate, { style: 'percent' }),
                  satisfied:
                    r.findings.statistics.satisfactionRate === null
                      ? '—'
                      : formatNumber(locale, r.findings.statistics.satisfactionRate, { style: 'percent' }),
                })}{' '}
                <a href={tenantPaths.statisticsReport(slug, r.findings.statistics.reportId, 'pdf')} download>
                  {t('sweeps.report_pdf')}
                </a>{' '}
                <a href={tenantPaths.statisticsReport(slug, r.findings.statistics.reportId)} download>
                  {t('sweeps.report_xlsx')}
                </a>
              </p>
            ) : null}
            <Ranking title={t('sweeps.categories')} findings={r.findings.categories} name={category} />
            <Ranking
              title={t('sweeps.hotline_categories')}
              findings={r.findings.hotlineCategories}
              name={category}
            />
            <Ranking title={t('sweeps.organisations')} findings={r.findings.organisations} name={unit} />
            {r.reviewNote ? <p>{t('sweeps.review_note', { note: r.reviewNote })}</p> : null}
            {r.status === 'open' ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="id" value={r.id} />
                <TextArea
                  id={`note-${r.id}`}
                  name="note"
                  label={t('sweeps.note')}
                  rows={2}
                  defaultValue={failure?.values.note ?? ''}
                  error={error && isMessageKey(error) ? t(error) : undefined}
                />
                <Button type="submit">{t('sweeps.mark_reviewed')}</Button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
