import { type CaseScreenProps, caseScreen, formatDate, type ProcedureResult } from '@linju/plugin-sdk/admin';
import { Alert, Button, Checkbox, Fieldset, SelectField, TextArea, TextField } from '@linju/ui';
import { Form } from 'react-router';
import type { ExpertPoolMessageKey } from '../messages.ts';
import type { casePage } from '../procedures/case-page.ts';
import { LAW_FIELDS } from '../vocabulary.ts';
import { availabilityLabel, fieldLabel, kindLabel } from './labels.ts';
import { Asked, Opinion } from './request-parts.tsx';

type Data = ProcedureResult<typeof casePage>;
type Key = ExpertPoolMessageKey;
type Props = CaseScreenProps<Data, Key>;
type Request = Data['requests'][number];

const DONE: Record<string, Key> = {
  ask: 'expert-pool.case.done_ask',
  withdraw: 'expert-pool.case.done_withdraw',
  record: 'expert-pool.case.done_record',
};

/** A case's 研判 page, in the 法律知识 tools of every case: the requests, asking, withdrawing, recording. */
export const caseOpinionsScreen = caseScreen<Data, Key>({
  id: 'case-opinions',
  page: 'casePage',
  heading: (data, t) => ({
    title: t('expert-pool.case.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    ask: {
      procedure: 'requestOpinion',
      fields: {
        expertIds: 'expert-pool.case.experts',
        field: 'expert-pool.request.field',
        question: 'expert-pool.case.question',
        workingDays: 'expert-pool.case.working_days',
      },
      lists: ['expertIds'],
      input: (form, at) => ({
        caseId: at.caseId,
        expertIds: at.lists?.expertIds ?? [],
        field: form.field,
        question: form.question ?? '',
        // What is not a whole number is refused as out of range, at its field.
        workingDays: /^\d{1,3}$/.test(form.workingDays?.trim() ?? '') ? Number(form.workingDays) : -1,
      }),
      done: 'ask',
    },
    withdraw: {
      procedure: 'withdrawRequest',
      fields: { requestId: 'expert-pool.case.requests' },
      input: (form, at) => ({ caseId: at.caseId, requestId: form.requestId }),
      done: 'withdraw',
    },
    record: {
      procedure: 'recordOpinion',
      fields: { requestId: 'expert-pool.case.requests', opinion: 'expert-pool.request.opinion' },
      input: (form, at) => ({ caseId: at.caseId, requestId: form.requestId, opinion: form.opinion ?? '' }),
      done: 'record',
    },
  },
  Component: CaseOpinionsPage,
});

function CaseOpinionsPage({ data, locale, IntentForm, t, done }: Props) {
  const { requests, experts, field, availableOnly, mayRequest, mayRecord } = data;
  const open = requests.filter((r) => r.status === 'open');
  const recordable = open.filter((r) => !r.expertAnswersInApp);
  const requestChoice = (r: Request) =>
    `${r.expertName}（${kindLabel(r.expertKind, locale)}）· ${formatDate(locale, r.requestedOn)}`;
  const doneKey = done ? DONE[done] : undefined;
  return (
    <>
      {doneKey ? (
        <Alert tone="success">
          <p>{t(doneKey)}</p>
        </Alert>
      ) : null}
      <p>{t('expert-pool.case.intro')}</p>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('expert-pool.case.requests')}</h2>
        {requests.length === 0 ? <p>{t('expert-pool.case.no_requests')}</p> : null}
        <ol className="admin-list">
          {requests.map((r) => (
            <li key={r.id}>
              <p>
                <strong>
                  {r.expertName}（{kindLabel(r.expertKind, locale)}）
                </strong>{' '}
                · {fieldLabel(r.field, locale)} · {t(`expert-pool.request.status.${r.status}`)}
                {r.overdue ? <strong> · {t('expert-pool.request.overdue')}</strong> : null}
              </p>
              <Asked request={r} locale={locale} t={t} />
              {r.status === 'answered' ? (
                <>
                  <h3>{t('expert-pool.request.opinion')}</h3>
                  <Opinion request={r} locale={locale} t={t} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {mayRecord && recordable.length > 0 ? (
          <IntentForm
            intent="record"
            title={t('expert-pool.case.record_submit')}
            submit={t('expert-pool.case.record_submit')}
          >
            {(f) => (
              <>
                <SelectField {...f('requestId')} label={t('expert-pool.case.requests')}>
                  {recordable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {t('expert-pool.case.record_for', { expert: requestChoice(r) })}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('opinion')} label={t('expert-pool.request.opinion')} rows={6} />
              </>
            )}
          </IntentForm>
        ) : null}
        {mayRequest && open.length > 0 ? (
          <IntentForm
            intent="withdraw"
            title={t('expert-pool.case.withdraw')}
            submit={t('expert-pool.case.withdraw')}
          >
            {(f) => (
              <SelectField {...f('requestId')} label={t('expert-pool.case.requests')}>
                {open.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t('expert-pool.case.withdraw_named', { expert: requestChoice(r) })}
                  </option>
                ))}
              </SelectField>
            )}
          </IntentForm>
        ) : null}
      </section>
      {mayRequest ? (
        <section aria-labelledby="ask-heading">
          <h2 id="ask-heading">{t('expert-pool.case.ask')}</h2>
          <Form method="get" className="lj-form admin-inline-form">
            <SelectField
              name="field"
              id="filter-field"
              label={t('expert-pool.request.field')}
              defaultValue={field ?? ''}
            >
              <option value="">{t('expert-pool.case.all_fields')}</option>
              {LAW_FIELDS.map((x) => (
                <option key={x} value={x}>
                  {fieldLabel(x, locale)}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="available"
              id="filter-available"
              label={t('expert-pool.expert.availability')}
              defaultValue={availableOnly ? 'only' : 'all'}
            >
              <option value="only">{t('expert-pool.case.available_only')}</option>
              <option value="all">{t('expert-pool.case.all_experts')}</option>
            </SelectField>
            <Button type="submit" variant="secondary">
              {t('expert-pool.case.filter_submit')}
            </Button>
          </Form>
          <IntentForm
            intent="ask"
            title={t('expert-pool.case.ask')}
            submit={t('expert-pool.case.ask_submit')}
          >
            {(f) => (
              <>
                <Fieldset
                  legend={t('expert-pool.case.experts')}
                  id={f('expertIds').id}
                  hint={t('expert-pool.case.experts_hint')}
                  error={f('expertIds').error}
                >
                  {experts.length === 0 ? <p>{t('expert-pool.case.no_experts')}</p> : null}
                  {experts.map((e) => (
                    <Checkbox
                      key={e.id}
                      name="expertIds"
                      id={`ask-expert-${e.id}`}
                      value={e.id}
                      label={`${e.name}（${kindLabel(e.kind, locale)}，${e.affiliation}）`}
                      hint={`${e.fields.map((x) => fieldLabel(x, locale)).join('、')} · ${availabilityLabel(t, e)}`}
                    />
                  ))}
                </Fieldset>
                <SelectField
                  {...f('field')}
                  label={t('expert-pool.request.field')}
                  defaultValue={f('field').defaultValue ?? field ?? undefined}
                >
                  {LAW_FIELDS.map((x) => (
                    <option key={x} value={x}>
                      {fieldLabel(x, locale)}
                    </option>
                  ))}
                </SelectField>
                <TextArea
                  {...f('question')}
                  label={t('expert-pool.case.question')}
                  hint={t('expert-pool.case.question_hint')}
                  rows={5}
                />
                <TextField
                  {...f('workingDays')}
                  inputMode="numeric"
                  label={t('expert-pool.case.working_days')}
                  defaultValue={f('workingDays').defaultValue ?? '10'}
                />
              </>
            )}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
