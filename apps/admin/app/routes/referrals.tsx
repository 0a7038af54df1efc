import {
  formatDateTime,
  labelled,
  type MessageKey,
  referralKindLabel,
  referralStatusLabel,
} from '@linju/i18n';
import {
  Alert,
  Button,
  changedView,
  DataTable,
  pageOf,
  readTableView,
  type TableChange,
  TextArea,
  tableViewParams,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { INBOX_STATE_STATUSES } from '@linju/vocabulary';
import { Form, redirect, useLocation } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, FormProblems, useFieldError } from '../components/form-errors.tsx';
import { InboxTabsAndFilters } from '../components/inbox-tabs.tsx';
import {
  isOverdue,
  OUTGOING_REFERRAL_SORTS,
  outgoingReferralColumns,
  sortedOutgoingReferrals,
  TERMINAL_REFERRAL_STATUSES,
} from '../components/outgoing-referral-columns.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { ReferralAnswerFields } from '../components/referral-answer-fields.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { localFailure } from '../lib/api-errors.ts';
import { answersFor } from '../lib/cases.ts';
import { formText } from '../lib/form-data.ts';
import { inboxFilters, isFiltered, readInboxQuery } from '../lib/inbox-filters.ts';
import { outgoingReferralRows } from '../lib/outgoing-referrals.ts';
import { allowsAnywhere } from '../lib/permissions.ts';
import {
  ANSWER_ERROR_FIELDS,
  answerSendsFiles,
  type ReferralAnswer,
  submitReferralAnswer,
} from '../lib/referral-answer.ts';
import { referralPartiesText } from '../lib/referral-parties.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf, rejectIntent, rejectIntentApiError } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/referrals';

/** The sent referrals' view (order, page, page size) without the inbox's tab and filters. */
const TABLE_PARAMS = ['sort', 'page', 'size'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const answers = allowsAnywhere(grants, 'referral.respond');
  // The inbox's tab and filters come from the address (links and a GET form: no personal data).
  const search = new URL(request.url).searchParams;
  const { query, errors } = readInboxQuery(search);
  const filters = inboxFilters(query, errors);
  const [outgoing, inbox, facets] = await Promise.all([
    allowsAnywhere(grants, 'referral.read') ? outgoingReferralRows(caller) : null,
    answers
      ? load(
          caller.referral.inbox({
            limit: 100,
            ...filters,
            ...(query.tab === 'all' ? {} : { state: query.tab }),
          }),
        )
      : null,
    answers ? load(caller.referral.inboxFacets(filters)) : null,
  ]);
  return {
    outgoing,
    outgoingView: readTableView(search, OUTGOING_REFERRAL_SORTS),
    inbox: inbox?.map(
      ({
        id,
        kind,
        status,
        summary,
        details,
        subject,
        acknowledgeBy,
        dueBy,
        outcomeText,
        reason,
        attachments,
        notes,
      }) => ({
        id,
        kind,
        status,
        summary,
        details,
        subjectName: subject.displayName,
        subjectParties: subject.parties ?? [],
        acknowledgeBy,
        dueBy,
        outcomeText,
        reason,
        attachments,
        notes,
      }),
    ),
    inboxView: facets ? { query, errors, counts: facets.counts, senders: facets.senders } : null,
    now: new Date().toISOString(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  // The outcome's documents stream into the store, in the answer's own transaction, as the form arrives.
  const read = await submitReferralAnswer(request, (answer, fields) =>
    caller.referral.transition({ referralId: formText(fields, 'referralId'), ...answer }),
  );
  const referralId = formText(read.form, 'referralId');
  if (read.note) return postNote(caller, slug, referralId, formText(read.form, 'text'));
  const intent = `${read.type}:${referralId}`;
  if (read.local) return rejectIntent(intent, read.local, read.values);
  // An answer for good moves the referral to 已答复: the page follows it there.
  if (read.sent?.ok) {
    const tab = (INBOX_STATE_STATUSES.answered as readonly string[]).includes(read.type)
      ? 'answered'
      : 'pending';
    return redirect(`${tenantPaths.referrals(slug)}?tab=${tab}&done=1#referral-${referralId}`);
  }
  return rejectIntentApiError(
    intent,
    read.sent?.error,
    { fields: ['reason', 'outcomeCode', 'rulingNumber', 'outcomeText', 'documents'], ...ANSWER_ERROR_FIELDS },
    read.values,
  );
}

/** A note to the sender (spec: `note`): no change of state, it lands on the sender's case timeline. */
async function postNote(
  caller: ReturnType<typeof getAdminContext>['caller'],
  slug: string,
  referralId: string,
  raw: string,
) {
  const intent = `note:${referralId}`;
  const text = raw.trim();
  const local = localFailure({ text: text ? undefined : 'validation.required' });
  if (local) return rejectIntent(intent, local, { text });
  try {
    await caller.referral.note({ referralId, side: 'receiver', text });
    return redirect(`${tenantPaths.referrals(slug)}?done=1#referral-${referralId}`);
  } catch (error) {
    return rejectIntentApiError(intent, error, { fields: ['text'] }, { text });
  }
}

const ANSWER_LABEL: Readonly<Record<string, MessageKey>> = {
  accepted: 'referrals.accept',
  rejected: 'referrals.reject',
  'in-progress': 'referrals.start',
  completed: 'referrals.complete',
  failed: 'referrals.fail',
};

export default function Referrals({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { outgoing, outgoingView, inbox, inboxView, now } = loaderData;
  const failure = actionData && 'intent' in actionData ? actionData : undefined;
  // Another view of the sent referrals keeps the inbox's tab and filters of the address.
  const listed = (change: TableChange) => {
    const params = new URLSearchParams(location.search);
    for (const name of [...TABLE_PARAMS, 'done']) params.delete(name);
    for (const [name, value] of Object.entries(
      tableViewParams(changedView(outgoingView, change), OUTGOING_REFERRAL_SORTS),
    ))
      params.set(name, value);
    return `${tenantPaths.referrals(tenant.slug)}${params.size > 0 ? `?${params}` : ''}#outgoing-heading`;
  };
  return (
    <>
      <DocumentTitle title={t('referrals.title')} tenant={tenant} />
      <FormErrorSummary
        errors={failure?.errors}
        fields={[
          { name: 'reason', label: t('referrals.reason'), id: `${failure?.intent}-reason` },
          { name: 'outcomeCode', label: t('referrals.outcome_code'), id: `${failure?.intent}-outcomeCode` },
          {
            name: 'rulingNumber',
            label: t('referrals.ruling_number'),
            id: `${failure?.intent}-rulingNumber`,
          },
          { name: 'outcomeText', label: t('referrals.outcome_text'), id: `${failure?.intent}-outcomeText` },
          { name: 'text', label: t('referrals.note_text'), id: `${failure?.intent}-text` },
        ]}
      />
      {new URLSearchParams(location.search).get('done') && !failure ? (
        <Alert tone="success">
          <p>{t('referrals.done')}</p>
        </Alert>
      ) : null}
      <h1>{t('referrals.title')}</h1>
      {inbox && inboxView ? (
        <section aria-labelledby="inbox-heading">
          <h2 id="inbox-heading">{t('referrals.inbox')}</h2>
          <InboxTabsAndFilters view={inboxView} />
          {inbox.length === 0 ? (
            <p>{t(isFiltered(inboxView.query) ? 'referrals.none_matching' : 'referrals.none')}</p>
          ) : null}
          <ul className="admin-referrals">
            {inbox.map((r) => (
              <li key={r.id} id={`referral-${r.id}`} className="admin-referral">
                <h3>
                  {referralKindLabel(locale, r.kind)} · {r.subjectName}{' '}
                  <span className="admin-status">{referralStatusLabel(locale, r.status)}</span>
                </h3>
                <p>
                  {labelled(locale, t('referrals.summary'))}
                  {r.summary}
                </p>
                {r.subjectParties.length > 0 ? (
                  <p>
                    {labelled(locale, t('partnerLink.subject_parties'))}
                    {referralPartiesText(r.subjectParties, locale)}
                  </p>
                ) : null}
                {r.details ? <p className="admin-prewrap">{r.details}</p> : null}
                {r.attachments.length > 0 ? (
                  <ul className="admin-list" aria-label={t('referrals.attachments')}>
                    {r.attachments.map((a) => (
                      <li key={a.sha256}>
                        <a href={`${tenantPaths.referrals(tenant.slug)}/${r.id}/attachments/${a.sha256}`}>
                          {a.name}
                        </a>
                        {a.purpose === 'outcome' ? ` · ${t('referrals.outcome_document_label')}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="admin-muted">
                  {labelled(locale, t('referrals.col_ack'))}
                  {formatDateTime(locale, r.acknowledgeBy)} · {labelled(locale, t('referrals.col_due'))}
                  {formatDateTime(locale, r.dueBy)}
                  {isOverdue(r.dueBy, r.status, now) ? (
                    <strong className="admin-deadline--overdue"> · {t('referrals.overdue')}</strong>
                  ) : null}
                </p>
                {r.outcomeText ? (
                  <p>
                    {labelled(locale, t('referrals.outcome'))}
                    {r.outcomeText}
                  </p>
                ) : null}
                {r.reason ? (
                  <p>
                    {labelled(locale, t('referrals.reason'))}
                    {r.reason}
                  </p>
                ) : null}
                {r.notes.length > 0 ? (
                  <ul className="admin-list" aria-label={t('referrals.notes')}>
                    {r.notes.map((n) => (
                      <li key={`${new Date(n.at).toISOString()}-${n.by}`}>
                        <span className="admin-muted">
                          {n.party === 'sender' ? t('referrals.note_from_sender') : t('referrals.note_ours')}{' '}
                          · {n.by} ·{' '}
                          <time dateTime={new Date(n.at).toISOString()}>{formatDateTime(locale, n.at)}</time>
                        </span>
                        <p className="admin-prewrap">{n.text}</p>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {answersFor(r.status).map((type) => (
                  <Answer
                    key={type}
                    referralId={r.id}
                    kind={r.kind}
                    type={type}
                    failure={failureOf(actionData, `${type}:${r.id}`)}
                  />
                ))}
                {TERMINAL_REFERRAL_STATUSES.includes(r.status) ? null : (
                  <NoteForm referralId={r.id} failure={failureOf(actionData, `note:${r.id}`)} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {outgoing ? (
        <section aria-labelledby="outgoing-heading">
          <h2 id="outgoing-heading">{t('referrals.outgoing')}</h2>
          <DataTable
            columns={outgoingReferralColumns({ locale, now, tenantSlug: tenant.slug })}
            rows={pageOf(sortedOutgoingReferrals(outgoing.rows, outgoingView.sort), outgoingView)}
            rowKey={(r) => r.id}
            view={outgoingView}
            total={outgoing.total}
            empty={t('referrals.none')}
            to={listed}
            tableClassName="admin-table"
            actions={
              <a
                className="lj-button lj-button--secondary"
                href={`${tenantPaths.referralsXlsx(tenant.slug)}?${new URLSearchParams({ sort: outgoingView.sort })}`}
              >
                {t('table.export')}
              </a>
            }
          />
        </section>
      ) : null}
    </>
  );
}

function Answer({
  referralId,
  kind,
  type,
  failure,
}: {
  referralId: string;
  kind: string;
  type: ReferralAnswer;
  failure: ReturnType<typeof failureOf>;
}) {
  const t = useTranslate();
  const id = `${type}:${referralId}`;
  const error = useFieldError(failure?.errors);
  const form = (
    <Form
      method="post"
      className="lj-form admin-inline-answer"
      noValidate
      encType={answerSendsFiles(type) ? 'multipart/form-data' : undefined}
    >
      <CsrfField />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="type" value={type} />
      <FormProblems errors={failure?.errors} />
      <ReferralAnswerFields idPrefix={id} kind={kind} type={type} error={error} values={failure?.values} />
      <Button type="submit" variant={type === 'rejected' || type === 'failed' ? 'secondary' : 'primary'}>
        {t(ANSWER_LABEL[type] ?? 'referrals.accept')}
      </Button>
    </Form>
  );
  if (type === 'accepted' || type === 'in-progress') return form;
  return (
    <details className="admin-disclosure admin-disclosure--compact" open={Boolean(failure)}>
      <summary>{t(ANSWER_LABEL[type] ?? 'referrals.accept')}</summary>
      {form}
    </details>
  );
}

/** A progress note to the sender, in a disclosure (open again after a refusal). */
function NoteForm({ referralId, failure }: { referralId: string; failure: ReturnType<typeof failureOf> }) {
  const t = useTranslate();
  const key = failure?.errors.fields.text;
  return (
    <details className="admin-disclosure admin-disclosure--compact" open={Boolean(failure)}>
      <summary>{t('referrals.note_add')}</summary>
      <Form method="post" className="lj-form admin-inline-answer" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="referralId" value={referralId} />
        <FormProblems errors={failure?.errors} />
        <TextArea
          id={`note:${referralId}-text`}
          name="text"
          label={t('referrals.note_text')}
          hint={t('referrals.note_hint')}
          error={key ? t(key, failure?.errors.params) : undefined}
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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
