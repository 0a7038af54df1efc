import { type ProcedureResult, publicScreen } from '@linju/plugin-sdk/admin';
import { Button, CsrfField } from '@linju/ui';
import { typedAmount } from '../ask-input.ts';
import type { LegalAssistantKey } from '../messages.ts';
import type { answer } from '../procedures/answer.ts';
import { AnswerSection } from './answer-section.tsx';
import { ASK_FIELDS, AskForm } from './ask-form.tsx';

/**
 * The legal assistant on the district's public site (法律助手): no phone needed to ask. The
 * question is posted, kept scrubbed, and the page shows its answer by the kept question's id;
 * "apply" carries the question to the site's apply page, posted, through proving the phone.
 */
export const assistantScreen = publicScreen<ProcedureResult<typeof answer>, LegalAssistantKey>({
  id: 'assistant',
  path: 'assistant',
  page: 'answer',
  offer: { title: 'legal-assistant.public.title', intro: 'legal-assistant.public.intro', on: 'home' },
  heading: (_data, t) => ({ title: t('legal-assistant.public.title') }),
  intents: {
    ask: {
      procedure: 'ask',
      fields: ASK_FIELDS,
      input: (values) => ({ question: values.question ?? '', ...typedAmount(values.amount) }),
      showsAfter: (result) => ({ asked: (result as { id: string }).id }),
    },
  },
  Component: ({ data, slug, locale, t, IntentForm }) => (
    <>
      <p>{t('legal-assistant.public.intro')}</p>
      <p>{t('legal-assistant.ask.privacy')}</p>
      <AskForm IntentForm={IntentForm} t={t} />
      {data.answer ? (
        <AnswerSection
          answer={data.answer}
          locale={locale}
          t={t}
          serviceAction={(service) =>
            service.applyPath === null ? null : (
              <form method="post" action={`/t/${encodeURIComponent(slug)}/public/${service.applyPath}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="carry" />
                <input type="hidden" name="question" value={data.answer?.question ?? ''} />
                <Button type="submit">
                  {t('legal-assistant.answer.apply', { service: service.name[locale] })}
                </Button>
              </form>
            )
          }
        />
      ) : null}
    </>
  ),
});
