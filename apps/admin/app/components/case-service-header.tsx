import type { MessageKey } from '@linju/i18n';
import { Alert, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import type { IntentFailure } from '../lib/submission.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { FormErrorSummary } from './form-errors.tsx';
import { DocumentTitle } from './page-shell.tsx';
import { useTenantShell } from './tenant-shell.ts';

/**
 * The top of a service's own page on a case (mediation, notary, legal aid, consultation,
 * appraisal) or in the district (without `caseRef`): the title, the refused form's errors naming
 * each field, the success notice after a saved form, and the way back to the case.
 */
export function CaseServiceHeader({
  title,
  caseRef,
  failure,
  done,
  fieldLabels,
  otherFieldLabel,
}: {
  title: string;
  caseRef?: { id: string; number: string } | undefined;
  failure: IntentFailure | undefined;
  done: boolean;
  /** The visible label of each field the page's forms may refuse. */
  fieldLabels: Readonly<Record<string, MessageKey>>;
  /** For a refused field the page does not list. */
  otherFieldLabel: MessageKey;
}) {
  const t = useTranslate();
  const { tenant } = useTenantShell();
  const summaryFields = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: t(fieldLabels[name] ?? otherFieldLabel),
        id: `${failure.intent}-${name}`,
      }))
    : [];
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summaryFields} />
      {done && !failure ? (
        <Alert tone="success">
          <p>{t('casePage.done')}</p>
        </Alert>
      ) : null}
      {caseRef ? (
        <p>
          <Link to={tenantPaths.case(tenant.slug, caseRef.id)}>
            {t('casePage.back', { number: caseRef.number })}
          </Link>
        </p>
      ) : null}
      <h1>{title}</h1>
    </>
  );
}
