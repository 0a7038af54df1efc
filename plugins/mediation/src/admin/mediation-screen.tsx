import {
  type CaseScreenProps,
  caseScreen,
  formatDateTime,
  type ProcedureResult,
} from '@linju/plugin-sdk/admin';
import { CitedText, SelectField, TextArea, TextField } from '@linju/ui';
import type { JudicialStatus } from '../judicial-confirmation.ts';
import { CONFIRMATION_METHODS, SESSION_OUTCOMES } from '../mediation-record.ts';
import type { MediationMessageKey } from '../messages.ts';
import type { page } from '../procedures/page.ts';

type MediationPage = ProcedureResult<typeof page>;

/** What the page says of an agreement put to a court (or whose 30 days to do so passed). */
const JUDICIAL_STATUS_TEXT: Readonly<Record<Exclude<JudicialStatus, 'not-applied'>, MediationMessageKey>> = {
  applied: 'mediation.page.judicial_applied',
  confirmed: 'mediation.page.judicial_confirmed',
  'not-confirmed': 'mediation.page.judicial_not_confirmed',
  'window-lapsed': 'mediation.page.judicial_window_lapsed',
};

/** The non-empty lines of a text area, trimmed (one assistant, one clause a line). */
const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function MediationPage({
  data,
  caseId,
  slug,
  locale,
  IntentForm,
  t,
}: CaseScreenProps<MediationPage, MediationMessageKey>) {
  const { parties, record, courts, termCitations } = data;
  const agreement = record.agreement;
  const confirmed = new Set(agreement?.confirmations.map((x) => x.partyName));
  const unconfirmed = parties.filter((p) => !confirmed.has(p.name));
  const outcomeLabel = (o: (typeof SESSION_OUTCOMES)[number]) => t(`mediation.page.outcome_${o}`);
  const methodLabel = (m: (typeof CONFIRMATION_METHODS)[number]) => t(`mediation.page.method_${m}`);
  const judicialText = (status: JudicialStatus) =>
    t(status === 'not-applied' ? 'mediation.page.judicial_applied' : JUDICIAL_STATUS_TEXT[status]);

  return (
    <>
      <section aria-labelledby="mediators-heading">
        <h2 id="mediators-heading">{t('mediation.page.mediators')}</h2>
        {record.mediators.length > 0 ? (
          <ul>
            {record.mediators.map((m) => (
              <li key={m.name}>
                {m.name}（{t(m.role === 'lead' ? 'mediation.page.lead' : 'mediation.page.assistant')}）
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('mediation.page.no_mediators')}</p>
        )}
        <IntentForm
          intent="mediators"
          title={t('mediation.page.set_mediators')}
          submit={t('mediation.page.save')}
        >
          {(f) => (
            <>
              <TextField {...f('lead')} label={t('mediation.page.lead')} />
              <TextArea
                {...f('assistants')}
                label={t('mediation.page.assistants')}
                hint={t('mediation.page.one_per_line')}
                rows={3}
              />
            </>
          )}
        </IntentForm>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('mediation.page.sessions')}</h2>
        {record.sessions.length > 0 ? (
          <ol>
            {record.sessions.map((s) => (
              <li key={s.id}>
                <time dateTime={s.heldAt}>{formatDateTime(locale, s.heldAt)}</time> · {s.place} ·{' '}
                {outcomeLabel(s.outcome)}
                <p className="admin-prewrap">{s.summary}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('mediation.page.no_sessions')}</p>
        )}
        <IntentForm
          intent="session"
          title={t('mediation.page.record_session')}
          submit={t('mediation.page.save')}
        >
          {(f) => (
            <>
              <TextField {...f('heldAt')} type="datetime-local" label={t('mediation.page.held_at')} />
              <TextField {...f('place')} label={t('mediation.page.place')} />
              <TextArea {...f('summary')} label={t('mediation.page.summary')} />
              <SelectField {...f('outcome')} label={t('mediation.page.outcome')}>
                {SESSION_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {outcomeLabel(o)}
                  </option>
                ))}
              </SelectField>
            </>
          )}
        </IntentForm>
      </section>

      <section aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">{t('mediation.page.agreement')}</h2>
        {agreement ? (
          <>
            <ol>
              {agreement.terms.map((term, i) => (
                <li key={term}>
                  <CitedText text={term} citations={termCitations[i] ?? []} />
                </li>
              ))}
            </ol>
            <p>
              <a href={`/t/${slug}/cases/${caseId}/documents/${agreement.documentId}`} download>
                {t('mediation.page.download_pdf')}
              </a>
            </p>
            <h3>{t('mediation.page.confirmations')}</h3>
            <ul>
              {parties.map((p) => {
                const confirmation = agreement.confirmations.find((x) => x.partyName === p.name);
                return (
                  <li key={p.name}>
                    {p.name}：
                    {confirmation
                      ? `${methodLabel(confirmation.method)} · ${formatDateTime(locale, confirmation.confirmedAt)}`
                      : t('mediation.page.not_confirmed')}
                  </li>
                );
              })}
            </ul>
            {unconfirmed.length > 0 ? (
              <IntentForm
                intent="confirm"
                title={t('mediation.page.confirm')}
                submit={t('mediation.page.confirm_submit')}
                hidden={{ agreementId: agreement.id }}
              >
                {(f) => (
                  <>
                    <SelectField {...f('partyName')} label={t('mediation.page.party')}>
                      {unconfirmed.map((p) => (
                        <option key={p.name} value={p.name}>
                          {p.name}
                        </option>
                      ))}
                    </SelectField>
                    <SelectField {...f('method')} label={t('mediation.page.method')}>
                      {CONFIRMATION_METHODS.map((m) => (
                        <option key={m} value={m}>
                          {methodLabel(m)}
                        </option>
                      ))}
                    </SelectField>
                  </>
                )}
              </IntentForm>
            ) : agreement.judicialReferralId || agreement.judicialStatus === 'window-lapsed' ? (
              // Where the agreement stands with the court; the court's answer arrives through the referral.
              <p>{judicialText(agreement.judicialStatus)}</p>
            ) : (
              <IntentForm
                intent="judicial"
                title={t('mediation.page.apply_judicial')}
                submit={t('mediation.page.apply_judicial_submit')}
                hidden={{ agreementId: agreement.id }}
              >
                {(f) => (
                  <SelectField {...f('courtId')} label={t('mediation.page.court')}>
                    {courts.map((court) => (
                      <option key={court.id} value={court.id}>
                        {court.name[locale]}
                      </option>
                    ))}
                  </SelectField>
                )}
              </IntentForm>
            )}
          </>
        ) : (
          <p>{t('mediation.page.no_agreement')}</p>
        )}
        {!agreement || agreement.confirmations.length === 0 ? (
          <IntentForm
            intent="agreement"
            title={t(agreement ? 'mediation.page.redraft' : 'mediation.page.draft')}
            submit={t('mediation.page.draft_submit')}
          >
            {(f) => (
              <TextArea
                {...f('terms')}
                label={t('mediation.page.terms')}
                hint={t('mediation.page.one_per_line')}
                rows={6}
              />
            )}
          </IntentForm>
        ) : null}
      </section>

      <section aria-labelledby="fail-heading">
        <h2 id="fail-heading">{t('mediation.page.fail')}</h2>
        <IntentForm intent="fail" title={t('mediation.page.fail')} submit={t('mediation.page.fail_submit')}>
          {(f) => (
            <>
              <TextArea {...f('reason')} label={t('mediation.page.fail_reason')} rows={3} />
              <SelectField {...f('next')} label={t('mediation.page.fail_next')}>
                <option value="consultation">{t('mediation.page.next_consultation')}</option>
                <option value="legal-aid">{t('mediation.page.next_legal_aid')}</option>
              </SelectField>
            </>
          )}
        </IntentForm>
      </section>
    </>
  );
}

/**
 * The mediation page of a case: mediators, sessions, drafting the agreement, the parties'
 * confirmations, applying for judicial confirmation, and passing a failed mediation on.
 */
export const mediationScreen = caseScreen<MediationPage, MediationMessageKey>({
  id: 'case-mediation',
  page: 'page',
  heading: (data, t) => ({
    title: t('mediation.page.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    mediators: {
      procedure: 'setMediators',
      // `mediators` names the list as a whole (one lead, nobody twice).
      fields: {
        lead: 'mediation.page.lead',
        assistants: 'mediation.page.assistants',
        mediators: 'mediation.page.mediators',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        mediators: [
          { name: form.lead ?? '', role: 'lead' },
          ...lines(form.assistants).map((name) => ({ name, role: 'assistant' })),
        ],
      }),
      done: 'mediators',
    },
    session: {
      procedure: 'createSession',
      fields: {
        heldAt: 'mediation.page.held_at',
        place: 'mediation.page.place',
        summary: 'mediation.page.summary',
        outcome: 'mediation.page.outcome',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        // A datetime-local value is the district's local time (UTC+8 for the districts served).
        heldAt: form.heldAt ? `${form.heldAt}:00+08:00` : '',
        place: form.place,
        summary: form.summary,
        outcome: form.outcome,
      }),
      done: 'session',
    },
    agreement: {
      procedure: 'createAgreement',
      fields: { terms: 'mediation.page.terms' },
      input: (form, at) => ({ caseId: at.caseId, terms: lines(form.terms) }),
      done: 'agreement',
    },
    confirm: {
      procedure: 'confirmAgreement',
      fields: {
        partyName: 'mediation.page.party',
        method: 'mediation.page.method',
        agreementId: 'mediation.page.agreement',
      },
      input: (form, at) => ({
        caseId: at.caseId,
        agreementId: form.agreementId,
        partyName: form.partyName,
        method: form.method,
      }),
      done: 'confirm',
    },
    judicial: {
      procedure: 'applyJudicialConfirmation',
      fields: { courtId: 'mediation.page.court', agreementId: 'mediation.page.agreement' },
      input: (form, at) => ({ caseId: at.caseId, agreementId: form.agreementId, courtId: form.courtId }),
      done: 'judicial',
    },
    fail: {
      procedure: 'fail',
      fields: { reason: 'mediation.page.fail_reason', next: 'mediation.page.fail_next' },
      input: (form, at) => ({ caseId: at.caseId, reason: form.reason, next: form.next }),
      done: 'fail',
      // The follow-on case opens, as the desk goes on with it.
      opensCase: (result) => (result as { caseId: string }).caseId,
    },
  },
  Component: MediationPage,
});
