import { CONTACT_PREFERENCES, contactPreferenceLabel, formatDate } from '@linju/i18n';
import { Alert, IntentForm, SelectField, TextArea, useLocale, useTranslate } from '@linju/ui';
import { CaseSubmissionOutcome, failureIn, typedValue, useCasePage } from '../../components/case-page.tsx';
import { tenantName } from '../../components/page-shell.tsx';
import { RatingSlip } from '../../components/rating-slip.tsx';
import { useTenantShell } from '../../components/tenant-shell.ts';
import { getAdminContext } from '../../context.ts';
import { casePartDone } from '../../lib/case-page-parts.ts';
import { parseScore } from '../../lib/cases.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { rateEntryUrl, ratingCodeIssued, withRateUrl } from '../../lib/rating.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/feedback';

export async function action({ request, params, context }: Route.ActionArgs) {
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  return intentAction(
    request,
    {
      feedback: intent({
        fields: ['method', 'summary', 'methodReason'],
        required: ['summary'],
        errors: { fields: ['status'] },
        run: async (values) => {
          const told = await caller.case.recordFeedback({
            caseId,
            method: (CONTACT_PREFERENCES as readonly string[]).includes(values.method)
              ? (values.method as (typeof CONTACT_PREFERENCES)[number])
              : undefined,
            summary: values.summary,
            methodReason: values.methodReason || null,
          });
          // The resident's one-time rating code is shown in this response only; nothing keeps it.
          return told.ratingCode
            ? { intent: 'feedback', ratingCode: withRateUrl(told.ratingCode, request.url) }
            : undefined;
        },
      }),
      'rating-code': intent({
        run: async () => ({
          intent: 'rating-code',
          ratingCode: withRateUrl(await caller.case.issueRatingCode({ caseId }), request.url),
        }),
      }),
      satisfaction: intent({
        fields: ['score', 'comment'],
        check: (values) => ({
          score: parseScore(values.score) === undefined ? 'case.score_range' : undefined,
        }),
        errors: { fields: ['status'] },
        run: async (values) => {
          await caller.case.recordSatisfaction({
            caseId,
            score: parseScore(values.score) ?? 0,
            comment: values.comment || null,
          });
        },
      }),
    },
    { done: casePartDone(tenantSlugFrom(params), caseId, 'feedback') },
  );
}

/** Telling the resident the result (信息反馈) and their rating of the service (满意度). */
export default function CaseFeedback({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { case: c, can } = useCasePage();
  const { tenant } = useTenantShell();
  const failure = failureIn(actionData);
  const ratingCode = actionData && 'ratingCode' in actionData ? actionData.ratingCode : undefined;
  // The first code is simply issued; a later one replaces it ("new").
  const again = ratingCodeIssued(c.timeline);
  const rateable = can.handle && !c.satisfaction && (c.status === 'feedback-given' || c.status === 'closed');
  return (
    <>
      <CaseSubmissionOutcome failure={failure} answered={Boolean(ratingCode)}>
        {ratingCode ? (
          <Alert tone="success" title={t('casePage.rating_code_title')}>
            <p>
              {t('casePage.rating_code_hint', {
                // The rating page's whole address, as the slip prints it: a bare path reaches no resident.
                path: rateEntryUrl(ratingCode.rateUrl),
                date: formatDate(locale, ratingCode.expiresAt),
              })}
            </p>
            <RatingSlip
              code={ratingCode.code}
              expiresAt={ratingCode.expiresAt}
              rateUrl={ratingCode.rateUrl}
              district={tenantName(tenant, locale)}
            />
          </Alert>
        ) : null}
      </CaseSubmissionOutcome>
      <section id="actions" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t('casePage.feedback_heading')}</h2>
        {c.satisfaction ? (
          <p>
            {t('casePage.satisfaction')}: {t('casePage.satisfaction_value', { score: c.satisfaction.score })}
            {c.satisfaction.comment ? ` · ${c.satisfaction.comment}` : ''}
          </p>
        ) : null}
        {can.handle && c.status === 'resolved' ? (
          <IntentForm intent="feedback" title={t('casePage.feedback')} submit={t('casePage.feedback_submit')}>
            {(f) => (
              <>
                <SelectField
                  {...f('method')}
                  label={t('casePage.feedback_method')}
                  defaultValue={typedValue(failure, 'feedback', 'method', c.resident.contactPreference)}
                >
                  {CONTACT_PREFERENCES.map((p) => (
                    <option key={p} value={p}>
                      {contactPreferenceLabel(locale, p)}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('summary')} label={t('casePage.feedback_summary')} rows={3} />
                <TextArea {...f('methodReason')} label={t('casePage.method_reason')} rows={3} />
              </>
            )}
          </IntentForm>
        ) : null}
        {rateable ? (
          <IntentForm
            intent="rating-code"
            title={t(again ? 'casePage.rating_code' : 'casePage.rating_code_first')}
            submit={t(again ? 'casePage.rating_code_submit' : 'casePage.rating_code_first_submit')}
          >
            {() => <p className="admin-muted">{t('casePage.rating_code_explain')}</p>}
          </IntentForm>
        ) : null}
        {rateable ? (
          <IntentForm
            intent="satisfaction"
            title={t('casePage.satisfaction')}
            submit={t('casePage.satisfaction_submit')}
          >
            {(f) => (
              <>
                <SelectField
                  {...f('score')}
                  label={t('casePage.score')}
                  defaultValue={typedValue(failure, 'satisfaction', 'score', '5')}
                >
                  {['5', '4', '3', '2', '1'].map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('comment')} label={t('casePage.comment')} rows={3} />
              </>
            )}
          </IntentForm>
        ) : null}
      </section>
    </>
  );
}
