import {
  formatDateTime,
  isMessageKey,
  keyGroupLabel,
  type MessageKey,
  referralKindLabel,
  referralStatusLabel,
} from '@linju/i18n';
import { Alert, Button, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormProblems, useFieldError } from '../components/form-errors.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { ReferralAnswerFields } from '../components/referral-answer-fields.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError, localFailure } from '../lib/api-errors.ts';
import { answersFor } from '../lib/cases.ts';
import { formText } from '../lib/form-data.ts';
import {
  ANSWER_ERROR_FIELDS,
  answerSendsFiles,
  type ReferralAnswer,
  submitReferralAnswer,
} from '../lib/referral-answer.ts';
import { referralPartiesText } from '../lib/referral-parties.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import type { Route } from './+types/partner-link';

type Answer = ReferralAnswer;

/** Why the link does not open (unknown, used, expired, too many tries) as a message key; faults rethrown. */
function refusalOf(error: unknown): MessageKey {
  if (isTrpcError(error) && isMessageKey(error.message)) return error.message;
  throw error;
}

/**
 * A partner without an account opens its one referral with the link it was given: no sign-in,
 * exactly that referral and the fields its kind shares.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const shown = await getAdminContext(context).caller.partnerLink.view({ token: params.token });
    return { ok: true as const, ...shown };
  } catch (error) {
    return { ok: false as const, refusal: refusalOf(error) };
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const answeredBy = (fields: FormData) => formText(fields, 'answeredBy').trim();
  // The outcome's documents stream into the store as the form arrives.
  const read = await submitReferralAnswer(request, (answer, fields) =>
    caller.partnerLink.answer({
      token: params.token,
      ...answer,
      ...(answeredBy(fields) ? { answeredBy: answeredBy(fields) } : {}),
    }),
  );
  const { form } = read;
  if (read.note) {
    const values = { answeredBy: answeredBy(form), text: formText(form, 'text').trim() };
    const local = localFailure({ text: values.text ? undefined : 'validation.required' });
    if (local) return rejectIntent('note', local, values);
    try {
      await caller.partnerLink.note({
        token: params.token,
        text: values.text,
        ...(values.answeredBy ? { answeredBy: values.answeredBy } : {}),
      });
      return redirect(`/p/${encodeURIComponent(params.token)}?done=note`);
    } catch (error) {
      return rejectIntentApiError('note', error, { fields: ['text', 'answeredBy'] }, values);
    }
  }
  const intent = read.type;
  const values = { ...read.values, answeredBy: answeredBy(form) };
  if (read.local) return rejectIntent(intent, read.local, values);
  if (read.sent?.ok) return redirect(`/p/${encodeURIComponent(params.token)}?done=${read.type}`);
  return rejectIntentApiError(
    intent,
    read.sent?.error,
    {
      fields: ['reason', 'outcomeCode', 'rulingNumber', 'outcomeText', 'answeredBy', 'documents'],
      ...ANSWER_ERROR_FIELDS,
    },
    values,
  );
}

const ANSWER_LABEL: Readonly<Record<Answer, MessageKey>> = {
  accepted: 'referrals.accept',
  rejected: 'referrals.reject',
  'in-progress': 'referrals.start',
  completed: 'referrals.complete',
  failed: 'referrals.fail',
};

const SUBJECT_LABEL: Readonly<Record<string, MessageKey>> = {
  displayName: 'partnerLink.subject_name',
  phone: 'partnerLink.subject_phone',
  idNumber: 'partnerLink.subject_id_number',
  groups: 'partnerLink.subject_groups',
  parties: 'partnerLink.subject_parties',
};

export default function PartnerLink({ loaderData, actionData, params }: Route.ComponentProps) {
  const { token } = params;
  const t = useTranslate();
  const locale = useLocale();
  const done = new URLSearchParams(useLocation().search).get('done');
  const name = (o: { nameZh: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.nameZh);
  if (!loaderData.ok) {
    // After the last answer the link closes: say the answer arrived, not only that it is used.
    const closedByAnswer = done && loaderData.refusal === 'partner_link.used';
    return (
      <PageShell title={t('partnerLink.title')}>
        <h1>{t('partnerLink.title')}</h1>
        {closedByAnswer ? (
          <Alert tone="success">{t('partnerLink.closed_after_answer')}</Alert>
        ) : (
          <Alert tone="error">{t(loaderData.refusal)}</Alert>
        )}
      </PageShell>
    );
  }
  const { referral, district, partner, from, events } = loaderData;
  const subject = Object.entries(referral.subject).filter(
    ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
  );
  return (
    <PageShell title={t('partnerLink.title')}>
      <h1>{t('partnerLink.title')}</h1>
      {done ? <Alert tone="success">{t('partnerLink.done')}</Alert> : null}
      <p>
        {t('partnerLink.intro', {
          district: name(district),
          partner: name(partner),
          date: formatDateTime(locale, loaderData.expiresAt),
        })}
      </p>
      <section aria-labelledby="referral-heading" className="admin-referral">
        <h2 id="referral-heading">
          {referralKindLabel(locale, referral.kind)}{' '}
          <span className="admin-status">{referralStatusLabel(locale, referral.status)}</span>
        </h2>
        {from ? (
          <p>
            {t('partnerLink.from')}: {name(district)} · {name(from)}
          </p>
        ) : null}
        <p>
          {t('referrals.summary')}: {referral.summary}
        </p>
        {referral.details ? <p className="admin-prewrap">{referral.details}</p> : null}
        {loaderData.attachments.length > 0 ? (
          <ul className="admin-list" aria-label={t('referrals.attachments')}>
            {loaderData.attachments.map((a) => (
              <li key={a.sha256}>
                <a href={`/p/${encodeURIComponent(token)}/attachments/${a.sha256}`}>{a.name}</a>
                {a.purpose === 'outcome' ? ` · ${t('referrals.outcome_document_label')}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <dl className="admin-facts">
          {subject.map(([field, value]) => (
            <div key={field}>
              <dt>{t(SUBJECT_LABEL[field] ?? 'partnerLink.subject_name')}</dt>
              <dd>
                {field === 'parties' && referral.subject.parties
                  ? referralPartiesText(referral.subject.parties, locale)
                  : Array.isArray(value)
                    ? value.map((g) => keyGroupLabel(locale, String(g))).join(locale === 'en' ? ', ' : '、')
                    : String(value)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="admin-muted">
          {t('referrals.col_ack')}: {formatDateTime(locale, referral.acknowledgeBy)} ·{' '}
          {t('referrals.col_due')}: {formatDateTime(locale, referral.dueBy)}
        </p>
        {referral.outcomeText ? (
          <p>
            {t('referrals.outcome')}: {referral.outcomeText}
          </p>
        ) : null}
        {referral.reason ? (
          <p>
            {t('referrals.reason')}: {referral.reason}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('partnerLink.history')}</h2>
        <ol className="admin-timeline">
          {events.map((e) => (
            <li key={`${e.type}-${new Date(e.at).toISOString()}`}>
              <strong>{e.type === 'note' ? t('referrals.note') : referralStatusLabel(locale, e.type)}</strong>{' '}
              · {e.by} · <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
              {e.reason ? <p>{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {answersFor(referral.status).length > 0 ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('partnerLink.answer_heading')}</h2>
          {answersFor(referral.status).map((type) => (
            <AnswerForm key={type} kind={referral.kind} type={type} failure={failureOf(actionData, type)} />
          ))}
          <NoteForm failure={failureOf(actionData, 'note')} />
        </section>
      ) : null}
    </PageShell>
  );
}

function AnswerForm({
  kind,
  type,
  failure,
}: {
  kind: string;
  type: Answer;
  failure: ReturnType<typeof failureOf>;
}) {
  const t = useTranslate();
  const error = useFieldError(failure?.errors);
  return (
    <details className="admin-disclosure" open={Boolean(failure) || type === 'accepted'}>
      <summary>{t(ANSWER_LABEL[type])}</summary>
      <Form
        method="post"
        className="lj-form"
        noValidate
        encType={answerSendsFiles(type) ? 'multipart/form-data' : undefined}
      >
        <CsrfField />
        <input type="hidden" name="type" value={type} />
        <FormProblems errors={failure?.errors} />
        <TextField
          id={`${type}-answeredBy`}
          name="answeredBy"
          label={t('partnerLink.answered_by')}
          hint={t('partnerLink.answered_by_hint')}
          error={error('answeredBy')}
          defaultValue={failure?.values.answeredBy}
        />
        <ReferralAnswerFields
          idPrefix={type}
          kind={kind}
          type={type}
          error={error}
          values={failure?.values}
        />
        <Button type="submit" variant={type === 'rejected' || type === 'failed' ? 'secondary' : 'primary'}>
          {t(ANSWER_LABEL[type])}
        </Button>
      </Form>
    </details>
  );
}

/** A progress note to the sender (spec: `note`): it changes no state and lands on the sender's case. */
function NoteForm({ failure }: { failure: ReturnType<typeof failureOf> }) {
  const t = useTranslate();
  const error = useFieldError(failure?.errors);
  return (
    <details className="admin-disclosure" open={Boolean(failure)}>
      <summary>{t('referrals.note_add')}</summary>
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="note" />
        <FormProblems errors={failure?.errors} />
        <TextField
          id="note-answeredBy"
          name="answeredBy"
          label={t('partnerLink.answered_by')}
          hint={t('partnerLink.answered_by_hint')}
          error={error('answeredBy')}
          defaultValue={failure?.values.answeredBy}
        />
        <TextArea
          id="note-text"
          name="text"
          label={t('referrals.note_text')}
          hint={t('referrals.note_hint')}
          error={error('text')}
          defaultValue={failure?.values.text}
          maxLength={2000}
        />
        <Button type="submit" variant="secondary">
          {t('referrals.note_send')}
        </Button>
      </Form>
    </details>
  );
}
