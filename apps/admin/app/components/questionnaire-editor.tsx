import { Checkbox, Fieldset, SelectField, TextArea, TextField, useTranslate } from '@linju/ui';
import { QUESTION_KINDS, type QuestionDraft } from '../lib/questionnaire-form.ts';

/** What the editor shows; a question row may be blank (`null`) when a refused form comes back as typed. */
export type EditorValues = { title: string; intro: string; questions: readonly (QuestionDraft | null)[] };

/**
 * The title, intro and question rows of a questionnaire, as plain form fields (works without
 * JavaScript): the written questions and a few blank rows; more rows appear after saving.
 */
export function QuestionnaireEditor({
  values,
  slots,
  error,
}: {
  values: EditorValues;
  slots: number;
  error: (name: string) => string | undefined;
}) {
  const t = useTranslate();
  return (
    <>
      <input type="hidden" name="slots" value={slots} />
      <TextField
        name="title"
        label={t('questionnaires.field_title')}
        defaultValue={values.title}
        error={error('title')}
      />
      <TextArea name="intro" label={t('questionnaires.field_intro')} rows={2} defaultValue={values.intro} />
      {Array.from({ length: slots }, (_, i) => {
        const q = values.questions[i];
        return (
          <Fieldset
            key={i}
            legend={t('questionnaires.question_n', { n: i + 1 })}
            error={error(`questions.${i}`)}
          >
            <SelectField
              id={`q${i}.kind`}
              name={`q${i}.kind`}
              label={t('questionnaires.field_kind')}
              defaultValue={q?.kind ?? 'single'}
            >
              {QUESTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`questionnaires.kind_${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`q${i}.text`}
              name={`q${i}.text`}
              label={t('questionnaires.field_text')}
              defaultValue={q?.text ?? ''}
            />
            <TextArea
              id={`q${i}.options`}
              name={`q${i}.options`}
              label={t('questionnaires.field_options')}
              hint={t('questionnaires.field_options_hint')}
              rows={3}
              defaultValue={q?.options.join('\n') ?? ''}
            />
            <Checkbox
              id={`q${i}.required`}
              name={`q${i}.required`}
              label={t('questionnaires.field_required')}
              defaultChecked={q?.required ?? false}
            />
          </Fieldset>
        );
      })}
    </>
  );
}
