import {
  districtScreen,
  type FormValues,
  type IntentField,
  type ProcedureResult,
  type ScreenIntent,
  type ScreenProps,
} from '@linju/plugin-sdk/admin';
import { Alert, Checkbox, Fieldset, SelectField, TextField } from '@linju/ui';
import { Link } from 'react-router';
import type { ExpertPoolMessageKey } from '../messages.ts';
import type { pool } from '../procedures/pool.ts';
import { AVAILABILITIES, EXPERT_KINDS, LAW_FIELDS } from '../vocabulary.ts';
import { availabilityLabel, fieldLabel, kindLabel } from './labels.ts';
import { AnswerItem } from './request-parts.tsx';

type Data = ProcedureResult<typeof pool>;
type Key = ExpertPoolMessageKey;
type Expert = Data['experts'][number];

const EXPERT_FIELDS = {
  name: 'expert-pool.expert.name',
  kind: 'expert-pool.expert.kind',
  affiliation: 'expert-pool.expert.affiliation',
  fields: 'expert-pool.expert.fields',
  availability: 'expert-pool.expert.availability',
  pausedUntil: 'expert-pool.expert.paused_until',
  staffId: 'expert-pool.expert.account',
} satisfies Record<string, Key>;

const expertInput = (form: FormValues, lists: Readonly<Record<string, readonly string[]>> | undefined) => ({
  name: form.name ?? '',
  kind: form.kind,
  affiliation: form.affiliation ?? '',
  fields: lists?.fields ?? [],
  availability: form.availability,
  pausedUntil: form.pausedUntil || null,
  staffId: form.staffId || null,
});

const addIntent: ScreenIntent = {
  procedure: 'addExpert',
  fields: EXPERT_FIELDS,
  lists: ['fields'],
  input: (form, at) => expertInput(form, at.lists),
  done: 'add',
};

const editIntent: ScreenIntent = {
  procedure: 'updateExpert',
  fields: EXPERT_FIELDS,
  lists: ['fields'],
  input: (form, at) => ({ id: form.id, ...expertInput(form, at.lists) }),
  done: 'edit',
};

/** The pool page (navigation): the experts, their load and answers for the bureau, adding and editing them. */
export const poolScreen = districtScreen<Data, Key>({
  id: 'pool',
  page: 'pool',
  intents: { add: addIntent, edit: editIntent },
  heading: (_data, t) => ({ title: t('expert-pool.pool.title') }),
  Component: PoolPage,
});

function PoolPage({ data, slug, locale, IntentForm, t, done }: ScreenProps<Data, Key>) {
  const { experts, mayReadLoad, mayManage, answersOf, editing, accounts } = data;
  const expertFields = (f: (name: string) => IntentField, expert: Expert | null) => {
    const value = (name: string, fallback: string) => f(name).defaultValue ?? fallback;
    return (
      <>
        <TextField
          {...f('name')}
          label={t('expert-pool.expert.name')}
          defaultValue={value('name', expert?.name ?? '')}
        />
        <SelectField
          {...f('kind')}
          label={t('expert-pool.expert.kind')}
          defaultValue={value('kind', expert?.kind ?? 'lawyer')}
        >
          {EXPERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, locale)}
            </option>
          ))}
        </SelectField>
        <TextField
          {...f('affiliation')}
          label={t('expert-pool.expert.affiliation')}
          defaultValue={value('affiliation', expert?.affiliation ?? '')}
        />
        <Fieldset legend={t('expert-pool.expert.fields')} id={f('fields').id} error={f('fields').error}>
          {LAW_FIELDS.map((x) => (
            <Checkbox
              key={x}
              name="fields"
              id={`${f('fields').id}-${x}`}
              value={x}
              label={fieldLabel(x, locale)}
              defaultChecked={expert?.fields.includes(x) ?? false}
            />
          ))}
        </Fieldset>
        <SelectField
          {...f('availability')}
          label={t('expert-pool.expert.availability')}
          defaultValue={value('availability', expert?.availability ?? 'available')}
        >
          {AVAILABILITIES.map((a) => (
            <option key={a} value={a}>
              {a === 'paused'
                ? t('expert-pool.expert.paused_until')
                : t(`expert-pool.expert.availability.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          {...f('pausedUntil')}
          type="date"
          label={t('expert-pool.expert.paused_until')}
          hint={t('expert-pool.expert.paused_until_hint')}
          defaultValue={value('pausedUntil', expert?.pausedUntil ?? '')}
        />
        <SelectField
          {...f('staffId')}
          label={t('expert-pool.expert.account')}
          hint={t('expert-pool.expert.account_hint')}
          defaultValue={value('staffId', expert?.staffId ?? '')}
        >
          <option value="">{t('expert-pool.expert.no_account')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}（{a.username}）
            </option>
          ))}
        </SelectField>
      </>
    );
  };
  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t(done === 'edit' ? 'expert-pool.pool.done_edit' : 'expert-pool.pool.done_add')}</p>
        </Alert>
      ) : null}
      <p>{t('expert-pool.pool.intro')}</p>
      <section aria-labelledby="experts-heading">
        <h2 id="experts-heading">{t('expert-pool.pool.experts')}</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('expert-pool.expert.name')}</th>
              <th scope="col">{t('expert-pool.expert.kind')}</th>
              <th scope="col">{t('expert-pool.expert.affiliation')}</th>
              <th scope="col">{t('expert-pool.expert.fields')}</th>
              <th scope="col">{t('expert-pool.expert.availability')}</th>
              {mayReadLoad ? (
                <>
                  <th scope="col">{t('expert-pool.pool.open')}</th>
                  <th scope="col">{t('expert-pool.pool.overdue')}</th>
                  <th scope="col">{t('expert-pool.pool.answered_this_year')}</th>
                  <th scope="col">{t('expert-pool.pool.median_days')}</th>
                </>
              ) : null}
              {mayReadLoad || mayManage ? <th scope="col">{t('expert-pool.pool.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {experts.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.name}</th>
                <td>{kindLabel(e.kind, locale)}</td>
                <td>{e.affiliation}</td>
                <td>{e.fields.map((x) => fieldLabel(x, locale)).join('、')}</td>
                <td>{availabilityLabel(t, e)}</td>
                {e.load ? (
                  <>
                    <td>{e.load.open}</td>
                    <td>{e.load.overdue}</td>
                    <td>{e.load.answeredThisYear}</td>
                    <td>{e.load.medianDaysToAnswer ?? '—'}</td>
                  </>
                ) : null}
                {mayReadLoad || mayManage ? (
                  <td>
                    {mayReadLoad ? (
                      <Link
                        to={`/t/${slug}/expert-pool?expert=${e.id}#answers-heading`}
                        aria-label={t('expert-pool.pool.show_answers_named', { name: e.name })}
                      >
                        {t('expert-pool.pool.show_answers')}
                      </Link>
                    ) : null}{' '}
                    {mayManage ? (
                      <Link
                        to={`/t/${slug}/expert-pool?edit=${e.id}#edit-heading`}
                        aria-label={t('expert-pool.pool.edit_named', { name: e.name })}
                      >
                        {t('expert-pool.pool.edit')}
                      </Link>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {mayManage ? (
          <IntentForm
            intent="add"
            title={t('expert-pool.pool.add')}
            submit={t('expert-pool.pool.add_submit')}
          >
            {(f) => expertFields(f, null)}
          </IntentForm>
        ) : null}
      </section>
      {answersOf ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t('expert-pool.pool.answers_of', { name: answersOf.expert.name })}</h2>
          {answersOf.answers.length === 0 ? <p>{t('expert-pool.pool.no_answers')}</p> : null}
          <ol className="admin-list">
            {answersOf.answers.map((r) => (
              <AnswerItem key={r.id} request={r} locale={locale} t={t} />
            ))}
          </ol>
        </section>
      ) : null}
      {editing ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('expert-pool.pool.edit_title', { name: editing.name })}</h2>
          <IntentForm
            intent="edit"
            title={t('expert-pool.pool.edit_title', { name: editing.name })}
            submit={t('expert-pool.pool.edit_submit')}
            hidden={{ id: editing.id, edit: editing.id }}
          >
            {(f) => expertFields(f, editing)}
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
