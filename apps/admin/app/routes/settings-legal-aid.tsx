import { formatDate, type MessageKey } from '@linju/i18n';
import { Alert, Button, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { parseYuan } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { load } from '../lib/route-errors.ts';
import { rejectApiError, rejectSubmission, type SubmissionResult } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/settings-legal-aid';

const FIELDS = ['effectiveFrom', 'monthlyPerCapitaIncome', 'basis'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  return load(caller['legal-aid'].thresholds({}));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const values: Values = {
    effectiveFrom: formText(form, 'effectiveFrom').trim(),
    monthlyPerCapitaIncome: formText(form, 'monthlyPerCapitaIncome').trim(),
    basis: formText(form, 'basis').trim(),
  };
  const amount = parseYuan(values.monthlyPerCapitaIncome);
  if (amount === undefined) {
    return rejectSubmission(
      {
        status: 400,
        errors: { form: [], fields: { monthlyPerCapitaIncome: 'legal-aid.amount_invalid' } },
      },
      values,
    );
  }
  try {
    await caller['legal-aid'].setThreshold({ ...values, monthlyPerCapitaIncome: amount });
  } catch (error) {
    return rejectApiError(error, { fields: FIELDS }, values);
  }
  return redirect(`${tenantPaths.legalAidThresholds(slug)}?done=1`);
}

const LABELS: Readonly<Record<(typeof FIELDS)[number], MessageKey>> = {
  effectiveFrom: 'legal-aid.thresholds.effective_from',
  monthlyPerCapitaIncome: 'legal-aid.thresholds.amount',
  basis: 'legal-aid.thresholds.basis',
};

export default function LegalAidThresholdsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { thresholds, today } = loaderData;
  const failure = actionData as SubmissionResult<Values> | undefined;
  const done = new URLSearchParams(location.search).get('done');
  const error = (name: (typeof FIELDS)[number]) => {
    const key = failure?.errors.fields[name];
    return key ? t(key, failure?.errors.params) : undefined;
  };
  const current = thresholds.find((x) => x.effectiveFrom <= today);

  return (
    <>
      <DocumentTitle title={t('legal-aid.thresholds.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={FIELDS.map((name) => ({ name, label: t(LABELS[name]), id: name }))}
      />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t('legal-aid.thresholds.done')}</p>
        </Alert>
      ) : null}
      <p>
        <Link to={tenantPaths.settings(tenant.slug)}>{t('legal-aid.thresholds.back')}</Link>
      </p>
      <h1>{t('legal-aid.thresholds.title')}</h1>
      <p>{t('legal-aid.thresholds.intro')}</p>
      <p>
        {current
          ? t('legal-aid.thresholds.current', {
              amount: `¥${current.monthlyPerCapitaIncome.toFixed(2)}`,
              date: formatDate(locale, current.effectiveFrom),
            })
          : t('legal-aid.no_threshold')}
      </p>
      {thresholds.length > 0 ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('legal-aid.thresholds.effective_from')}</th>
              <th scope="col">{t('legal-aid.thresholds.amount')}</th>
              <th scope="col">{t('legal-aid.thresholds.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {thresholds.map((x) => (
              <tr key={x.effectiveFrom}>
                <td>{formatDate(locale, x.effectiveFrom)}</td>
                <td>¥{x.monthlyPerCapitaIncome.toFixed(2)}</td>
                <td>{x.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t('legal-aid.thresholds.set')}</h2>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <TextField
          name="effectiveFrom"
          id="effectiveFrom"
          type="date"
          label={t(LABELS.effectiveFrom)}
          defaultValue={failure?.values.effectiveFrom ?? today}
          error={error('effectiveFrom')}
        />
        <TextField
          name="monthlyPerCapitaIncome"
          id="monthlyPerCapitaIncome"
          inputMode="decimal"
          label={t(LABELS.monthlyPerCapitaIncome)}
          defaultValue={failure?.values.monthlyPerCapitaIncome ?? ''}
          error={error('monthlyPerCapitaIncome')}
        />
        <TextField
          name="basis"
          id="basis"
          label={t(LABELS.basis)}
          hint={t('legal-aid.thresholds.basis_hint')}
          defaultValue={failure?.values.basis ?? ''}
          error={error('basis')}
        />
        <Button type="submit">{t('legal-aid.thresholds.submit')}</Button>
      </Form>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
