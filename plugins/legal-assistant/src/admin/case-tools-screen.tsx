import type { PluginMessageKey } from '@linju/plugin-sdk';
import { caseScreen, type ProcedureResult } from '@linju/plugin-sdk/admin';
import { Button, CsrfField } from '@linju/ui';
import { typedAmount } from '../ask-input.ts';
import type { messages } from '../messages.ts';
import type { caseTools } from '../procedures/case-tools.ts';
import { AnswerSection } from './answer-section.tsx';
import { ASK_FIELDS, AskForm } from './ask-form.tsx';

/**
 * The assistant under any case (法律知识): the question filled in from the case's description, the
 * last answer, and "start intake" carrying the question into the intake form (posted, as its
 * "refresh" round trip takes typed answers).
 */
export const caseToolsScreen = caseScreen<
  ProcedureResult<typeof caseTools>,
  PluginMessageKey<typeof messages>
>({
  id: 'case-tools',
  page: 'caseTools',
  heading: (data, t) => ({
    title: t('legal-assistant.case.title', { number: data.case.number }),
    caseNumber: data.case.number,
  }),
  intents: {
    ask: {
      procedure: 'askOnCase',
      fields: ASK_FIELDS,
      input: (form, at) => ({
        caseId: at.caseId,
        question: form.question ?? '',
        ...typedAmount(form.amount),
      }),
      done: 'asked',
    },
  },
  Component: ({ data, slug, locale, t, IntentForm }) => (
    <>
      <p>{t('legal-assistant.case.intro')}</p>
      <AskForm IntentForm={IntentForm} t={t} question={data.case.description} />
      {data.answer ? (
        <AnswerSection
          answer={data.answer}
          locale={locale}
          t={t}
          serviceAction={(service) => (
            <form method="post" action={`/t/${encodeURIComponent(slug)}/cases/new`}>
              <CsrfField />
              <input type="hidden" name="intent" value="refresh" />
              <input type="hidden" name="serviceType" value={service.id} />
              <input type="hidden" name="description" value={data.answer?.question ?? ''} />
              <Button type="submit">
                {t('legal-assistant.answer.start_intake', { service: service.name[locale] })}
              </Button>
            </form>
          )}
        />
      ) : null}
    </>
  ),
});
