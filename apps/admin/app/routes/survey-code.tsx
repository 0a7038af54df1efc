import { isMessageKey, type MessageKey } from '@linju/i18n';
import { Alert, Button, Fieldset, TextArea, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { ResidentShell } from '../components/resident-shell.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { answersOfForm, questionOfField } from '../lib/questionnaire-form.ts';
import type { Route } from './+types/survey-code';

type Refusal = { key: MessageKey; params?: Record<string, string | number>; question?: string | undefined };

/** The API's refusal (used or unknown code, closed round, a missing answer) as a message; faults rethrown. */
function refusalOf(error: unknown): Refusal {
  if (isTrpcError(error) && isMessageKey(error.message)) {
    const cause = (error.cause ?? {}) as { params?: Record<string, string | number>; field?: string };
    return { key: error.message, params: cause.params, question: questionOfField(cause.field) };
  }
  throw error;
}

/** Opens the questionnaire first, so a used code or a closed round is said before the form. */
export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const found = await getAdminContext(context).caller.questionnaire.answer.open({ code: params.code });
    return { ok: true as const, ...found };
  } catch (error) {
    return { ok: false as const, refusal: refusalOf(error) };
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  try {
    const { questions } = await caller.questionnaire.answer.open({ code: params.code });
    const answers = answersOfForm(questions, form);
    await caller.questionnaire.answer.submit({ code: params.code, answers });
    return { done: true as const };
  } catch (error) {
    const typed = Object.fromEntries(
      [...form.keys()].filter((k) => k !== 'csrf').map((k) => [k, form.getAll(k).map(String)]),
    );
    return { done: false as const, refusal: refusalOf(error), typed };
  }
}

export default function SurveyCode({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  if (actionData?.done) {
    return (
      <ResidentShell title={t('survey.title')}>
        <h1>{t('survey.title')}</h1>
        <Alert tone="success">{t('survey.thanks')}</Alert>
      </ResidentShell>
    );
  }
  const refusal = actionData?.refusal ?? (loaderData.ok ? undefined : loaderData.refusal);
  const typed = actionData && !actionData.done ? actionData.typed : {};
  const was = (id: string, value: string) => (typed[id] ?? []).includes(value);
  const errorFor = (id: string) => (refusal?.question === id ? t(refusal.key, refusal.params) : undefined);
  return (
    <ResidentShell title={loaderData.ok ? loaderData.title : t('survey.title')}>
      <h1>{loaderData.ok ? loaderData.title : t('survey.title')}</h1>
      {refusal && !refusal.question ? <Alert tone="error">{t(refusal.key, refusal.params)}</Alert> : null}
      {loaderData.ok ? (
        <>
          <p>
            {t('rate.district', {
              name: locale === 'en' ? loaderData.tenantNameEn : loaderData.tenantNameZh,
            })}
          </p>
          {loaderData.intro ? <p>{loaderData.intro}</p> : null}
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            {loaderData.questions.map((q, i) => {
              const legend = `${i + 1}. ${q.text}${q.required ? ` ${t('survey.required')}` : ''}`;
              if (q.kind === 'text') {
                return (
                  <TextArea
                    key={q.id}
                    name={q.id}
                    label={legend}
                    maxLength={2000}
                    rows={3}
                    defaultValue={typed[q.id]?.[0] ?? ''}
                    error={errorFor(q.id)}
                  />
                );
              }
              const choices =
                q.kind === 'scale'
                  ? (['5', '4', '3', '2', '1'] as const).map((p) => ({
                      value: p,
                      label: t(`survey.scale_${p}`),
                    }))
                  : (q.options ?? []).map((label, k) => ({ value: String(k), label }));
              return (
                <Fieldset key={q.id} id={q.id} legend={legend} error={errorFor(q.id)}>
                  {choices.map((c) => (
                    <div key={c.value} className="lj-checkbox">
                      <input
                        className="lj-checkbox__input"
                        type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                        id={`${q.id}-${c.value}`}
                        name={q.id}
                        value={c.value}
                        defaultChecked={was(q.id, c.value)}
                      />
                      <label className="lj-checkbox__label" htmlFor={`${q.id}-${c.value}`}>
                        {c.label}
                      </label>
                    </div>
                  ))}
                </Fieldset>
              );
            })}
            <Button type="submit">{t('survey.submit')}</Button>
          </Form>
        </>
      ) : (
        <p>
          <Link to="/survey">{t('rate.check')}</Link>
        </p>
      )}
    </ResidentShell>
  );
}
