import type { IntentFormComponent, PluginTranslate } from '@linju/plugin-sdk/admin';
import { TextArea, TextField } from '@linju/ui';
import type { LegalAssistantKey } from '../messages.ts';

/** The ask form's fields with their labels' keys, where refusals show. */
export const ASK_FIELDS = {
  question: 'legal-assistant.ask.question',
  amount: 'legal-assistant.ask.amount',
} as const satisfies Record<string, LegalAssistantKey>;

/** The question and the optional amount, on the public site and under a case (`question`: filled in). */
export function AskForm({
  IntentForm,
  t,
  question,
}: {
  readonly IntentForm: IntentFormComponent;
  readonly t: PluginTranslate<LegalAssistantKey>;
  readonly question?: string;
}) {
  return (
    <IntentForm
      intent="ask"
      title={t('legal-assistant.ask.form_title')}
      submit={t('legal-assistant.ask.submit')}
    >
      {(f) => (
        <>
          <TextArea
            {...f('question')}
            defaultValue={f('question').defaultValue ?? question}
            label={t('legal-assistant.ask.question')}
            hint={t('legal-assistant.ask.question_hint')}
          />
          <TextField
            {...f('amount')}
            inputMode="decimal"
            label={t('legal-assistant.ask.amount')}
            hint={t('legal-assistant.ask.amount_hint')}
          />
        </>
      )}
    </IntentForm>
  );
}
