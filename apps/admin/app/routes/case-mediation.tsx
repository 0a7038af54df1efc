import { formatDateTime, type MessageKey } from '@linju/i18n';
import { SelectField, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { redirect, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { type failureOf, rejectIntentApiError, rejectUnknownIntent } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-mediation';

/** What the page says of an agreement put to a court (or whose 30 days to do so passed). */
const JUDICIAL_STATUS_TEXT: Readonly<Record<string, MessageKey>> = {
  applied: 'mediationPage.judicial_applied',
  confirmed: 'mediationPage.judicial_confirmed',
  'not-confirmed': 'mediationPage.judicial_not_confirmed',
  'window-lapsed': 'mediationPage.judicial_window_lapsed',
};

const OUTCOMES = ['continued', 'agreed', 'failed'] as const;
const METHODS = ['signature', 'fingerprint', 'remote-video'] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const [found, record, organisations] = await Promise.all([
    load(caller.case.get({ caseId })),
    load(caller.mediation.get({ caseId })),
    load(caller.organisation.getMany()),
  ]);
  const { parties, ...rest } = record;
  return {
    case: { id: found.id, number: found.number, status: found.status },
    parties,
    record: rest,
    courts: organisations
      .filter((o) => o.kind === 'court' && !o.closedAt)
      .map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
        id,
        parentId,
        kind,
        nameZh,
        nameEn,
        closedAt,
      })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  const lines = (name: string) =>
    text(name)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const here = `${tenantPaths.case(slug, caseId)}/mediation`;
  const run = async (fields: string[], values: Record<string, string>, call: () => Promise<unknown>) => {
    try {
      await call();
      return redirect(`${here}?done=${intent}`);
    } catch (error) {
      return rejectIntentApiError(intent, error, { fields, pathPrefix: '' }, values);
    }
  };
  switch (intent) {
    case 'mediators': {
      const values = { lead: text('lead'), assistants: text('assistants') };
      return run(['lead', 'assistants', 'mediators'], values, () =>
        caller.mediation.setMediators({
          caseId,
          mediators: [
            { name: values.lead, role: 'lead' as const },
            ...lines('assistants').map((name) => ({ name, role: 'assistant' as const })),
          ],
        }),
      );
    }
    case 'session': {
      const values = {
        heldAt: text('heldAt'),
        place: text('place'),
        summary: text('summary'),
        outcome: text('outcome'),
      };
      return run(['heldAt', 'place', 'summary', 'outcome'], values, () =>
        caller.mediation.createSession({
          caseId,
          // A datetime-local value is the district's local time (UTC+8 for the districts served).
          heldAt: values.heldAt ? `${values.heldAt}:00+08:00` : '',
          place: values.place,
          summary: values.summary,
          outcome: (OUTCOMES as readonly string[]).includes(values.outcome)
            ? (values.outcome as (typeof OUTCOMES)[number])
            : 'continued',
        }),
      );
    }
    case 'agreement': {
      const values = { terms: text('terms') };
      return run(['terms'], values, () =>
        caller.mediation.createAgreement({ caseId, terms: lines('terms') }),
      );
    }
    case 'confirm': {
      const values = { partyName: text('partyName'), method: text('method') };
      return run(['partyName', 'method'], values, () =>
        caller.mediation.confirmAgreement({
          caseId,
          agreementId: text('agreementId'),
          partyName: values.partyName,
          method: (METHODS as readonly string[]).includes(values.method)
            ? (values.method as (typeof METHODS)[number])
            : 'signature',
        }),
      );
    }
    case 'judicial': {
      const values = { courtId: text('courtId') };
      return run(['courtId'], values, () =>
        caller.mediation.applyJudicialConfirmation({
          caseId,
          agreementId: text('agreementId'),
          courtId: values.courtId,
        }),
      );
    }
    case 'fail': {
      const values = { reason: text('reason'), next: text('next') };
      try {
        const next = await caller.mediation.fail({
          caseId,
          reason: values.reason,
          next: values.next === 'legal-aid' ? 'legal-aid' : 'consultation',
        });
        return redirect(tenantPaths.case(slug, next.caseId));
      } catch (error) {
        return rejectIntentApiError(intent, error, { fields: ['reason', 'next'] }, values);
      }
    }
  }
  return rejectUnknownIntent(intent);
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  lead: 'mediationPage.lead',
  assistants: 'mediationPage.assistants',
  mediators: 'mediationPage.mediators',
  heldAt: 'mediationPage.held_at',
  place: 'mediationPage.place',
  summary: 'mediationPage.summary',
  outcome: 'mediationPage.outcome',
  terms: 'mediationPage.terms',
  partyName: 'mediationPage.party',
  method: 'mediationPage.method',
  courtId: 'mediationPage.court',
  reason: 'mediationPage.fail_reason',
  next: 'mediationPage.fail_next',
};

export default function CaseMediationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { case: c, parties, record, courts } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const slug = tenant.slug;
  const agreement = record.agreement;
  const confirmed = new Set(agreement?.confirmations.map((x) => x.partyName));
  const unconfirmed = parties.filter((p) => !confirmed.has(p.name));
  const outcomeLabel = (o: string) => t(`mediationPage.outcome_${o}` as MessageKey);
  const methodLabel = (m: string) => t(`mediationPage.method_${m}` as MessageKey);

  return (
    <>
      <CaseServiceHeader
        title={t('mediationPage.title', { number: c.number })}
        caseRef={c}
        failure={failure}
        done={Boolean(done)}
        fieldLabels={FIELD_LABELS}
        otherFieldLabel="mediationPage.summary"
      />

      <section aria-labelledby="mediators-heading">
        <h2 id="mediators-heading">{t('mediationPage.mediators')}</h2>
        {record.mediators.length > 0 ? (
          <ul>
            {record.mediators.map((m) => (
              <li key={m.name}>
                {m.name}（{t(m.role === 'lead' ? 'mediationPage.lead' : 'mediationPage.assistant')}）
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('mediationPage.no_mediators')}</p>
        )}
        <IntentForm
          intent="mediators"
          title={t('mediationPage.set_mediators')}
          failure={failure}
          submit={t('mediationPage.save')}
        >
          {(f) => (
            <>
              <TextField {...f('lead')} label={t('mediationPage.lead')} />
              <TextArea
                {...f('assistants')}
                label={t('mediationPage.assistants')}
                hint={t('mediationPage.one_per_line')}
                rows={3}
              />
            </>
          )}
        </IntentForm>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('mediationPage.sessions')}</h2>
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
          <p>{t('mediationPage.no_sessions')}</p>
        )}
        <IntentForm
          intent="session"
          title={t('mediationPage.record_session')}
          failure={failure}
          submit={t('mediationPage.save')}
        >
          {(f) => (
            <>
              <TextField {...f('heldAt')} type="datetime-local" label={t('mediationPage.held_at')} />
              <TextField {...f('place')} label={t('mediationPage.place')} />
              <TextArea {...f('summary')} label={t('mediationPage.summary')} />
              <SelectField {...f('outcome')} label={t('mediationPage.outcome')}>
                {OUTCOMES.map((o) => (
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
        <h2 id="agreement-heading">{t('mediationPage.agreement')}</h2>
        {agreement ? (
          <>
            <ol>
              {agreement.terms.map((term) => (
                <li key={term}>{term}</li>
              ))}
            </ol>
            <p>
              <a href={`${tenantPaths.case(slug, c.id)}/documents/${agreement.documentId}`} download>
                {t('mediationPage.download_pdf')}
              </a>
            </p>
            <h3>{t('mediationPage.confirmations')}</h3>
            <ul>
              {parties.map((p) => {
                const confirmation = agreement.confirmations.find((x) => x.partyName === p.name);
                return (
                  <li key={p.name}>
                    {p.name}：
                    {confirmation
                      ? `${methodLabel(confirmation.method)} · ${formatDateTime(locale, confirmation.confirmedAt)}`
                      : t('mediationPage.not_confirmed')}
                  </li>
                );
              })}
            </ul>
            {unconfirmed.length > 0 ? (
              <IntentForm
                intent="confirm"
                title={t('mediationPage.confirm')}
                failure={failure}
                submit={t('mediationPage.confirm_submit')}
                hidden={{ agreementId: agreement.id }}
              >
                {(f) => (
                  <>
                    <SelectField {...f('partyName')} label={t('mediationPage.party')}>
                      {unconfirmed.map((p) => (
                        <option key={p.name} value={p.name}>
                          {p.name}
                        </option>
                      ))}
                    </SelectField>
                    <SelectField {...f('method')} label={t('mediationPage.method')}>
                      {METHODS.map((m) => (
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
              <p>{t(JUDICIAL_STATUS_TEXT[agreement.judicialStatus] ?? 'mediationPage.judicial_applied')}</p>
            ) : (
              <IntentForm
                intent="judicial"
                title={t('mediationPage.apply_judicial')}
                failure={failure}
                submit={t('mediationPage.apply_judicial_submit')}
                hidden={{ agreementId: agreement.id }}
              >
                {(f) => (
                  <SelectField {...f('courtId')} label={t('mediationPage.court')}>
                    {courts.map((court) => (
                      <option key={court.id} value={court.id}>
                        {organisationName(court, locale)}
                      </option>
                    ))}
                  </SelectField>
                )}
              </IntentForm>
            )}
          </>
        ) : (
          <p>{t('mediationPage.no_agreement')}</p>
        )}
        {!agreement || agreement.confirmations.length === 0 ? (
          <IntentForm
            intent="agreement"
            title={t(agreement ? 'mediationPage.redraft' : 'mediationPage.draft')}
            failure={failure}
            submit={t('mediationPage.draft_submit')}
          >
            {(f) => (
              <TextArea
                {...f('terms')}
                label={t('mediationPage.terms')}
                hint={t('mediationPage.one_per_line')}
                rows={6}
              />
            )}
          </IntentForm>
        ) : null}
      </section>

      <section aria-labelledby="fail-heading">
        <h2 id="fail-heading">{t('mediationPage.fail')}</h2>
        <IntentForm
          intent="fail"
          title={t('mediationPage.fail')}
          failure={failure}
          submit={t('mediationPage.fail_submit')}
        >
          {(f) => (
            <>
              <TextArea {...f('reason')} label={t('mediationPage.fail_reason')} rows={3} />
              <SelectField {...f('next')} label={t('mediationPage.fail_next')}>
                <option value="consultation">{t('mediationPage.next_consultation')}</option>
                <option value="legal-aid">{t('mediationPage.next_legal_aid')}</option>
              </SelectField>
            </>
          )}
        </IntentForm>
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
