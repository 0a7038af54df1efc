import type { MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextArea, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/file-review';

const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
const GRADE_LABEL: Readonly<Record<string, MessageKey>> = {
  excellent: 'fileReviews.grade_excellent',
  good: 'fileReviews.grade_good',
  pass: 'fileReviews.grade_pass',
  fail: 'fileReviews.grade_fail',
};

/** One sample: its seed and the sampled files, each reviewed with findings and a grade. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  const found = await load(caller.fileReview.getSample({ id: params.id }));
  return {
    sample: {
      id: found.sample.id,
      month: found.sample.month,
      seed: found.sample.seed,
      size: found.sample.size,
      population: found.sample.population,
      drawnByName: found.sample.drawnByName,
      organisation: { nameZh: found.sample.organisationNameZh, nameEn: found.sample.organisationNameEn },
    },
    reviews: found.reviews.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      number: r.number,
      grade: r.grade,
      findings: r.findings,
      reviewedByName: r.reviewedByName,
    })),
    saved: new URL(request.url).searchParams.get('saved'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const reviewId = formText(form, 'reviewId');
  const intent = `review-${reviewId}`;
  const values = { grade: formText(form, 'grade'), findings: formText(form, 'findings').trim() };
  const local = localFailure({ findings: values.findings ? undefined : 'file_review.findings_required' });
  if (local) return rejectIntent(intent, local, values);
  try {
    await caller.fileReview.review({
      reviewId,
      grade: (GRADES as readonly string[]).includes(values.grade)
        ? (values.grade as (typeof GRADES)[number])
        : 'pass',
      findings: values.findings,
    });
    return redirect(`${tenantPaths.fileReview(slug, params.id)}?saved=${encodeURIComponent(reviewId)}`);
  } catch (error) {
    return rejectIntentApiError(intent, error, { fields: ['grade', 'findings'] }, values);
  }
}

export default function FileReview({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { sample, reviews, saved } = loaderData;
  return (
    <>
      <DocumentTitle title={t('fileReviews.sample_title', { month: sample.month })} tenant={tenant} />
      <p>
        <Link to={tenantPaths.fileReviews(tenant.slug)}>{t('fileReviews.back')}</Link>
      </p>
      {saved && !actionData ? (
        <Alert tone="success">
          <p>{t('fileReviews.saved')}</p>
        </Alert>
      ) : null}
      <h1>
        {t('fileReviews.sample_title', { month: sample.month })} ·{' '}
        {organisationName(sample.organisation, locale)}
      </h1>
      <dl className="admin-details">
        <dt>{t('fileReviews.sampled')}</dt>
        <dd>{t('fileReviews.sampled_value', { size: sample.size, population: sample.population })}</dd>
        <dt>{t('fileReviews.seed')}</dt>
        <dd>
          <code>{sample.seed}</code>
        </dd>
        <dt>{t('fileReviews.drawn_by')}</dt>
        <dd>{sample.drawnByName}</dd>
      </dl>
      {reviews.map((r) => {
        const failure = failureOf(actionData, `review-${r.id}`);
        const error = failure?.errors.fields.findings;
        return (
          <section key={r.id} aria-labelledby={`file-${r.id}`}>
            <h2 id={`file-${r.id}`}>
              <Link to={tenantPaths.case(tenant.slug, r.caseId)}>{r.number}</Link>
              {r.grade
                ? ` · ${t(GRADE_LABEL[r.grade] ?? 'fileReviews.grade_pass')}`
                : ` · ${t('fileReviews.not_reviewed')}`}
            </h2>
            {r.findings ? (
              <p>
                {r.findings} ({r.reviewedByName})
              </p>
            ) : null}
            <Form method="post" className="lj-form">
              <CsrfField />
              <input type="hidden" name="reviewId" value={r.id} />
              <SelectField
                id={`grade-${r.id}`}
                name="grade"
                label={t('fileReviews.grade')}
                defaultValue={failure?.values.grade ?? r.grade ?? 'pass'}
              >
                {GRADES.map((grade) => (
                  <option key={grade} value={grade}>
                    {t(GRADE_LABEL[grade] ?? 'fileReviews.grade_pass')}
                  </option>
                ))}
              </SelectField>
              <TextArea
                id={`findings-${r.id}`}
                name="findings"
                label={t('fileReviews.findings')}
                defaultValue={failure?.values.findings ?? r.findings ?? ''}
                error={error ? t(error) : undefined}
              />
              <Button type="submit">{t('fileReviews.review_submit')}</Button>
            </Form>
          </section>
        );
      })}
    </>
  );
}
