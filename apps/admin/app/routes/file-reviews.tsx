import { Alert, Button, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { useFieldError } from '../components/form-errors.tsx';
import { OrganisationSelect } from '../components/organisation-select.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { organisationOptions } from '../lib/organisation-rules.ts';
import { isOpenNetworkUnit, organisationName, organisationRow } from '../lib/organisation-tree.ts';
import { allowsOn, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/file-reviews';

const FIELDS = ['organisationId', 'month', 'size', 'seed'];

/** The previous calendar month, `YYYY-MM`: the latest a sample can be drawn for. */
const previousMonth = (today: string) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};

/**
 * 案卷评查: random samples of closed cases drawn by a supervisor (one per unit and month, the seed
 * kept so the draw can be checked), and how far each review has got.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const [samples, organisations] = await Promise.all([
    load(caller.fileReview.getSamples()),
    load(caller.organisation.getMany()),
  ]);
  const parents = parentMap(organisations);
  const units = organisations
    .filter((row) => isOpenNetworkUnit(row))
    .filter((row) => allowsOn(grants, 'file-review.conduct', row.id, parents));
  return {
    lastMonth: previousMonth(todayIn()),
    units: units.map(organisationRow),
    samples: samples.map((s) => ({
      id: s.id,
      month: s.month,
      organisation: { nameZh: s.organisationNameZh, nameEn: s.organisationNameEn },
      size: s.size,
      population: s.population,
      reviewed: s.reviewed,
      failed: s.failed,
      drawnByName: s.drawnByName,
    })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = 'draw';
  const values = Object.fromEntries(FIELDS.map((name) => [name, formText(form, name).trim()]));
  const size = Number(values.size);
  const local = localFailure({
    organisationId: values.organisationId ? undefined : 'validation.required',
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(values.month ?? '') ? undefined : 'validation.invalid_format',
    size: Number.isInteger(size) && size >= 1 && size <= 200 ? undefined : 'file_review.size_invalid',
  });
  if (local) return rejectIntent(intent, local, values);
  try {
    const sample = await caller.fileReview.drawSample({
      organisationId: values.organisationId ?? '',
      month: values.month ?? '',
      size,
      seed: values.seed || null,
    });
    return redirect(tenantPaths.fileReview(slug, sample.id));
  } catch (error) {
    return rejectIntentApiError(intent, error, { fields: FIELDS }, values);
  }
}

export default function FileReviews({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { samples, units, lastMonth } = loaderData;
  const failure = failureOf(actionData, 'draw');
  const errorOf = useFieldError(failure?.errors);
  return (
    <>
      <DocumentTitle title={t('fileReviews.title')} tenant={tenant} />
      <h1>{t('fileReviews.title')}</h1>
      <p className="admin-lead">{t('fileReviews.intro')}</p>
      {samples.length === 0 ? (
        <p>{t('fileReviews.none')}</p>
      ) : (
        <table className="admin-table">
          <caption>{t('fileReviews.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fileReviews.month')}</th>
              <th scope="col">{t('fileReviews.unit')}</th>
              <th scope="col">{t('fileReviews.sampled')}</th>
              <th scope="col">{t('fileReviews.progress')}</th>
              <th scope="col">{t('fileReviews.drawn_by')}</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={tenantPaths.fileReview(tenant.slug, s.id)}>{s.month}</Link>
                </td>
                <td>{organisationName(s.organisation, locale)}</td>
                <td>{t('fileReviews.sampled_value', { size: s.size, population: s.population })}</td>
                <td>
                  {t('fileReviews.progress_value', { reviewed: s.reviewed, size: s.size, failed: s.failed })}
                </td>
                <td>{s.drawnByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {units.length > 0 ? (
        <section aria-labelledby="draw-heading">
          <h2 id="draw-heading">{t('fileReviews.draw_heading')}</h2>
          {failure?.errors.form.length ? (
            <Alert tone="error">
              {failure.errors.form.map((key) => (
                <p key={key}>{t(key, failure.errors.params)}</p>
              ))}
            </Alert>
          ) : null}
          <Form method="post" className="lj-form">
            <CsrfField />
            <OrganisationSelect
              id="organisationId"
              name="organisationId"
              label={t('fileReviews.unit')}
              options={organisationOptions(units, locale)}
              defaultValue={failure?.values.organisationId}
              error={errorOf('organisationId')}
            />
            <TextField
              id="month"
              name="month"
              type="month"
              label={t('fileReviews.month')}
              defaultValue={failure?.values.month ?? lastMonth}
              error={errorOf('month')}
            />
            <TextField
              id="size"
              name="size"
              type="number"
              min={1}
              max={200}
              label={t('fileReviews.size')}
              defaultValue={failure?.values.size ?? '5'}
              error={errorOf('size')}
            />
            <TextField
              id="seed"
              name="seed"
              label={t('fileReviews.seed')}
              hint={t('fileReviews.seed_hint')}
              defaultValue={failure?.values.seed ?? ''}
              error={errorOf('seed')}
            />
            <Button type="submit">{t('fileReviews.draw_submit')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
