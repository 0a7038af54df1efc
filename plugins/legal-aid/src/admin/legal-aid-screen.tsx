import { caseScreen, type ProcedureResult, useFormatDate } from '@linju/plugin-sdk/admin';
import { Alert, CitedText, SelectField, TextArea, TextField } from '@linju/ui';
import { CLOSURE_OUTCOMES } from '../legal-aid-records.ts';
import { HARDSHIP_EXEMPT_GROUP_NAMES, LEGAL_AID_MATTER_NAMES } from '../matters.ts';
import type { page } from '../procedures/page.ts';
import { AssignmentSection } from './assignment-section.tsx';
import type { LegalAidKey } from './legal-aid-key.ts';
import { yuanInput } from './parse-yuan.ts';

type PageData = ProcedureResult<typeof page>;

const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `¥${n.toFixed(2)}`);

/** The name of an option the application chose, in the page's language (the value itself if unknown). */
const nameOf = (
  names: Record<string, { 'zh-CN': string; en: string }>,
  value: unknown,
  locale: 'zh-CN' | 'en',
) => (typeof value === 'string' && value ? (names[value]?.[locale] ?? value) : '—');

/**
 * A legal-aid application on its case: the application, the scope and hardship check, the decision
 * with its deadline, assigning the lawyer (指派), the closure report and the subsidies paid.
 */
export const legalAidScreen = caseScreen<PageData, LegalAidKey>({
  id: 'case-legal-aid',
  page: 'page',
  heading: (data, t) => ({
    title: t('legal-aid.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    decide: {
      procedure: 'decide',
      fields: { granted: 'legal-aid.page.decision', reason: 'legal-aid.page.reason' },
      input: (form, at) => ({
        caseId: at.caseId,
        granted: form.granted === 'yes',
        ...(form.reason ? { reason: form.reason } : {}),
      }),
      done: 'decide',
    },
    assign: {
      procedure: 'assign',
      fields: {
        assigneeId: 'legal-aid.page.assignee',
        conflictReason: 'legal-aid.page.conflict_reason',
        negativeListReason: 'legal-aid.page.negative_list_reason',
      },
      // A conflict of interest or a negative-listed lawyer is refused until a reason is given,
      // naming the field; the page then asks for that reason and posts the choice again.
      input: (form, at) => ({
        caseId: at.caseId,
        assigneeId: form.assigneeId,
        conflictReason: form.conflictReason || null,
        negativeListReason: form.negativeListReason || null,
      }),
      done: 'assign',
    },
    closure: {
      procedure: 'reportClosure',
      fields: {
        lawyerName: 'legal-aid.page.lawyer',
        outcome: 'legal-aid.page.outcome',
        amountRecovered: 'legal-aid.page.amount_recovered',
        summary: 'legal-aid.page.closure_summary',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        lawyerName: form.lawyerName,
        outcome: form.outcome,
        ...(form.amountRecovered ? { amountRecovered: yuanInput(form.amountRecovered) } : {}),
        summary: form.summary,
      }),
      done: 'closure',
    },
    subsidy: {
      procedure: 'recordSubsidy',
      fields: {
        recipient: 'legal-aid.page.recipient',
        amount: 'legal-aid.page.amount',
        basis: 'legal-aid.page.basis',
        paidOn: 'legal-aid.page.paid_on',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        recipient: form.recipient,
        amount: yuanInput(form.amount ?? ''),
        basis: form.basis,
        paidOn: form.paidOn,
      }),
      done: 'subsidy',
    },
  },
  Component: ({ data, locale, t, IntentForm }) => {
    const formatDate = useFormatDate();
    const { record, application: app, today, reasonCitations } = data;
    if (!record) {
      return (
        <Alert tone="warning">
          <p>{t('legal-aid.case_has_no_application')}</p>
        </Alert>
      );
    }
    const { check, decision, closure } = record;
    const overdue = !decision && record.dueOn < today;
    const hardship = (app.hardship ?? null) as {
      householdSize?: number;
      monthlyHouseholdIncome?: number;
    } | null;
    return (
      <>
        <section aria-labelledby="application-heading">
          <h2 id="application-heading">{t('legal-aid.page.application')}</h2>
          <dl className="admin-details">
            <dt>{t('legal-aid.page.applicant')}</dt>
            <dd>{String(app.applicantName ?? '—')}</dd>
            <dt>{t('legal-aid.page.matter')}</dt>
            <dd>{nameOf(LEGAL_AID_MATTER_NAMES, app.matter, locale)}</dd>
            <dt>{t('legal-aid.page.exemption')}</dt>
            <dd>
              {app.migrantWorkerWageClaim === true
                ? t('legal-aid.page.route_exempt-migrant-worker')
                : app.exemptGroup
                  ? nameOf(HARDSHIP_EXEMPT_GROUP_NAMES, app.exemptGroup, locale)
                  : t('legal-aid.page.no_exemption')}
            </dd>
            {hardship ? (
              <>
                <dt>{t('legal-aid.page.household')}</dt>
                <dd>
                  {t('legal-aid.page.household_value', {
                    size: hardship.householdSize ?? '—',
                    income: yuan(hardship.monthlyHouseholdIncome),
                  })}
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="check-heading">
          <h2 id="check-heading">{t('legal-aid.page.check')}</h2>
          <Alert tone={check.eligible ? 'success' : 'warning'}>
            <p>
              <strong>{t(check.eligible ? 'legal-aid.page.eligible' : 'legal-aid.page.not_eligible')}</strong>
              {' · '}
              {t(`legal-aid.page.route_${check.route}`)}
            </p>
            {!check.eligible ? <p>{t(check.reason)}</p> : null}
            {check.route === 'hardship-check' ? (
              <p>
                {t('legal-aid.page.per_capita', {
                  income: yuan(check.perCapitaIncome),
                  threshold: yuan(check.threshold),
                })}
              </p>
            ) : null}
          </Alert>
        </section>

        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('legal-aid.page.decision')}</h2>
          {decision ? (
            <p>
              {t(decision.granted ? 'legal-aid.page.granted' : 'legal-aid.page.refused')} ·{' '}
              {t('legal-aid.page.decided_on', { date: formatDate(decision.decidedOn) })}
              {decision.late ? ` · ${t('legal-aid.page.late')}` : ''}
              {decision.reason ? (
                <>
                  {' · '}
                  <CitedText text={decision.reason} citations={reasonCitations} />
                </>
              ) : null}
            </p>
          ) : (
            <>
              <p className={overdue ? 'admin-overdue' : undefined}>
                {t(overdue ? 'legal-aid.page.due_overdue' : 'legal-aid.page.due', {
                  date: formatDate(record.dueOn),
                })}
              </p>
              <IntentForm
                intent="decide"
                title={t('legal-aid.page.decide')}
                submit={t('legal-aid.page.decide_submit')}
              >
                {(f) => (
                  <>
                    <SelectField {...f('granted')} label={t('legal-aid.page.decision')}>
                      <option value="yes">{t('legal-aid.page.grant')}</option>
                      <option value="no">{t('legal-aid.page.refuse')}</option>
                    </SelectField>
                    <TextArea
                      {...f('reason')}
                      label={t('legal-aid.page.reason')}
                      hint={t('legal-aid.page.reason_hint')}
                      rows={3}
                    />
                  </>
                )}
              </IntentForm>
            </>
          )}
        </section>

        <section aria-labelledby="lawyer-heading">
          <h2 id="lawyer-heading">{t('legal-aid.page.assignment')}</h2>
          <AssignmentSection data={data} t={t} IntentForm={IntentForm} />
          {closure ? (
            <dl className="admin-details">
              <dt>{t('legal-aid.page.lawyer')}</dt>
              <dd>{closure.lawyerName}</dd>
              <dt>{t('legal-aid.page.outcome')}</dt>
              <dd>{t(`legal-aid.page.outcome_${closure.outcome}`)}</dd>
              <dt>{t('legal-aid.page.amount_recovered')}</dt>
              <dd>{yuan(closure.amountRecovered)}</dd>
              <dt>{t('legal-aid.page.closure_summary')}</dt>
              <dd className="admin-prewrap">{closure.summary}</dd>
            </dl>
          ) : decision?.granted ? (
            <IntentForm
              intent="closure"
              title={t('legal-aid.page.closure')}
              submit={t('legal-aid.page.closure_submit')}
            >
              {(f) => (
                <>
                  <TextField {...f('lawyerName')} label={t('legal-aid.page.lawyer')} />
                  <SelectField {...f('outcome')} label={t('legal-aid.page.outcome')}>
                    {CLOSURE_OUTCOMES.map((o) => (
                      <option key={o} value={o}>
                        {t(`legal-aid.page.outcome_${o}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    {...f('amountRecovered')}
                    inputMode="decimal"
                    label={t('legal-aid.page.amount_recovered')}
                    hint={t('legal-aid.page.optional_yuan')}
                  />
                  <TextArea {...f('summary')} label={t('legal-aid.page.closure_summary')} rows={4} />
                </>
              )}
            </IntentForm>
          ) : (
            <p>{t('legal-aid.page.closure_after_grant')}</p>
          )}
        </section>

        <section aria-labelledby="subsidy-heading">
          <h2 id="subsidy-heading">{t('legal-aid.page.subsidies')}</h2>
          {record.subsidies.length > 0 ? (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('legal-aid.page.paid_on')}</th>
                  <th scope="col">{t('legal-aid.page.recipient')}</th>
                  <th scope="col">{t('legal-aid.page.amount')}</th>
                  <th scope="col">{t('legal-aid.page.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {record.subsidies.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDate(s.paidOn)}</td>
                    <td>{s.recipient}</td>
                    <td>{yuan(s.amount)}</td>
                    <td>{s.basis}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('legal-aid.page.subsidy_total')}
                  </th>
                  <td colSpan={2}>{yuan(record.subsidyTotal)}</td>
                </tr>
              </tfoot>
            </table>
          ) : (
            <p>{t('legal-aid.page.no_subsidies')}</p>
          )}
          {decision?.granted ? (
            <IntentForm
              intent="subsidy"
              title={t('legal-aid.page.record_subsidy')}
              submit={t('legal-aid.page.subsidy_submit')}
            >
              {(f) => (
                <>
                  <TextField {...f('recipient')} label={t('legal-aid.page.recipient')} />
                  <TextField {...f('amount')} inputMode="decimal" label={t('legal-aid.page.amount')} />
                  <TextField {...f('basis')} label={t('legal-aid.page.basis')} />
                  <TextField
                    {...f('paidOn')}
                    type="date"
                    label={t('legal-aid.page.paid_on')}
                    defaultValue={f('paidOn').defaultValue ?? today}
                  />
                </>
              )}
            </IntentForm>
          ) : null}
        </section>
      </>
    );
  },
});
