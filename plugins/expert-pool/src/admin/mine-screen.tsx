import { districtScreen, type ProcedureResult, type ScreenProps } from '@linju/plugin-sdk/admin';
import { Alert, SelectField, TextArea } from '@linju/ui';
import type { ExpertPoolMessageKey } from '../messages.ts';
import type { mine } from '../procedures/mine.ts';
import { fieldLabel } from './labels.ts';
import { AnswerItem, Asked } from './request-parts.tsx';

type Data = ProcedureResult<typeof mine>;
type Key = ExpertPoolMessageKey;

/** "My requests" of an expert with an account: what awaits their opinion (overdue marked), one form to answer. */
export const mineScreen = districtScreen<Data, Key>({
  id: 'mine',
  page: 'mine',
  intents: {
    answer: {
      procedure: 'answer',
      fields: { requestId: 'expert-pool.mine.request', opinion: 'expert-pool.request.opinion' },
      // The request names its case: `answer` is checked on it, as any procedure on a case is.
      input: (form) => {
        const [caseId = '', requestId = ''] = (form.requestId ?? '').split('/');
        return { caseId, requestId, opinion: form.opinion ?? '' };
      },
      done: 'answer',
    },
  },
  heading: (_data, t) => ({ title: t('expert-pool.mine.title') }),
  Component: MinePage,
});

function MinePage({ data, locale, IntentForm, t, done }: ScreenProps<Data, Key>) {
  const { expert, open, answered } = data;
  if (!expert) return <p>{t('expert-pool.mine.not_expert')}</p>;
  return (
    <>
      {done ? (
        <Alert tone="success">
          <p>{t('expert-pool.mine.done_answer')}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t('expert-pool.mine.open')}</h2>
        {open.length === 0 ? <p>{t('expert-pool.mine.none_open')}</p> : null}
        <ol className="admin-list">
          {open.map((r) => (
            <li key={r.id}>
              <p>
                <strong>
                  {t('expert-pool.pool.case')} {r.caseNumber}
                </strong>{' '}
                · {fieldLabel(r.field, locale)}
                {r.overdue ? <strong> · {t('expert-pool.request.overdue')}</strong> : null}
              </p>
              <Asked request={r} locale={locale} t={t} />
            </li>
          ))}
        </ol>
        {open.length > 0 ? (
          <IntentForm
            intent="answer"
            title={t('expert-pool.mine.answer_submit')}
            submit={t('expert-pool.mine.answer_submit')}
          >
            {(f) => (
              <>
                <SelectField {...f('requestId')} label={t('expert-pool.mine.request')}>
                  {open.map((r) => (
                    <option key={r.id} value={`${r.caseId}/${r.id}`}>
                      {t('expert-pool.mine.answer', { number: r.caseNumber })}
                    </option>
                  ))}
                </SelectField>
                <TextArea {...f('opinion')} label={t('expert-pool.request.opinion')} rows={8} />
              </>
            )}
          </IntentForm>
        ) : null}
      </section>
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading">{t('expert-pool.mine.answered')}</h2>
        <ol className="admin-list">
          {answered.map((r) => (
            <AnswerItem key={r.id} request={r} locale={locale} t={t} />
          ))}
        </ol>
      </section>
    </>
  );
}
