import type { MessageKey } from '@linju/i18n';
import { Alert, type IntentFailure, useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { useLocation, useRouteLoaderData } from 'react-router';
import { CASE_LANDING } from '../lib/case-page-parts.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { PARTY_FIELD_LABELS } from '../lib/party-form.ts';
import type { loader as caseLoader } from '../routes/case.tsx';
import { FormErrorSummary } from './form-errors.tsx';

/** The route id of the case page's layout, whose loader all its parts read. */
const CASE_LAYOUT = 'routes/case';

export type CasePageData = Awaited<ReturnType<typeof caseLoader>>;

/** What the case page's layout loaded (`case.page`), for a part of the page (a child route). */
export function useCasePage(): CasePageData {
  const page = useRouteLoaderData<typeof caseLoader>(CASE_LAYOUT);
  if (!page) throw new Error('a part of the case page renders inside its layout');
  return page;
}

/**
 * A unit's name in the page's language: one the person sees, or one the timeline mentions
 * (named whatever the person's units); '—' when unknown.
 */
export function useOrganisationName() {
  const locale = useLocale();
  const { organisations, timelineOrganisations } = useCasePage();
  return (id: string | null | undefined) => {
    const row = organisations.find((o) => o.id === id) ?? timelineOrganisations.find((o) => o.id === id);
    return row ? organisationName(row, locale) : '—';
  };
}

/** The visible labels of the case page's form fields, for the error summary. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  serviceType: 'casePage.service',
  category: 'casePage.category',
  urgency: 'casePage.urgency',
  note: 'casePage.note',
  assigneeId: 'casePage.assignee_id',
  conflictReason: 'casePage.conflict_reason',
  negativeListReason: 'casePage.negative_list_reason',
  organisationId: 'casePage.transfer_to',
  reason: 'casePage.reason',
  status: 'casePage.new_status',
  text: 'casePage.note_text',
  method: 'casePage.feedback_method',
  summary: 'casePage.feedback_summary',
  methodReason: 'casePage.method_reason',
  score: 'casePage.score',
  comment: 'casePage.comment',
  partnerOrganisationId: 'casePage.partner',
  givenOn: 'casePage.consent_given_on',
  purpose: 'casePage.consent_purpose',
  toOrganisationId: 'casePage.partner',
  kind: 'casePage.referral_kind',
  details: 'casePage.referral_details',
  referralId: 'casePage.reroute_referral',
  file: 'casePage.file',
  otherNumber: 'casePage.link_number',
  direction: 'casePage.link_direction',
  heldAt: 'casePage.joint_consultation_held_at',
  services: 'casePage.joint_consultation_services',
  attendees: 'casePage.joint_consultation_staff',
  others: 'casePage.joint_consultation_others',
  notes: 'casePage.joint_consultation_notes',
  ...PARTY_FIELD_LABELS,
  confirm: 'parties.remove_confirm',
};

/** The failed form of a part of the case page, if its action answered with one. */
export const failureIn = (actionData: unknown): IntentFailure | undefined =>
  typeof actionData === 'object' && actionData !== null && 'errors' in actionData
    ? (actionData as IntentFailure)
    : undefined;

/**
 * What a part of the case page says after a submission: the failed form's problems, each linking
 * to its field, or that it was done (`?done=`) unless the answer shows something else instead
 * (`children`: a one-time code, a link). The page's forms land here (`CASE_LANDING`).
 */
export function CaseSubmissionOutcome({
  failure,
  answered = false,
  children,
}: {
  failure: IntentFailure | undefined;
  answered?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslate();
  const location = useLocation();
  const done = new URLSearchParams(location.search).get('done');
  const fields = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: t(FIELD_LABELS[name] ?? 'casePage.note'),
        id: `${failure.intent}-${name}`,
      }))
    : [];
  return (
    <div id={CASE_LANDING} className="admin-case-outcome">
      <FormErrorSummary errors={failure?.errors} fields={fields} />
      {done && !failure && !answered ? (
        <Alert tone="success">
          <p>{t('casePage.done')}</p>
        </Alert>
      ) : null}
      {children}
    </div>
  );
}

/** A form's typed value after it failed, else `fallback`. */
export const typedValue = (
  failure: IntentFailure | undefined,
  intent: string,
  name: string,
  fallback: string,
) => (failure?.intent === intent ? (failure.values[name] ?? fallback) : fallback);
