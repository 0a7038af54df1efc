/** The kinds of question, as the API names them. */
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type QuestionDraft = { kind: QuestionKind; text: string; required: boolean; options: string[] };
export type StoredQuestion = {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: string[];
};

/** Blank question rows the editor offers below the questions already written. */
export const SPARE_SLOTS = 3;

const isKind = (value: string): value is QuestionKind =>
  (QUESTION_KINDS as readonly string[]).includes(value);

/**
 * The questions of the editor form, in slot order (`q0.kind`, `q0.text`, `q0.required`,
 * `q0.options` with one option per line). A slot without text is left out, so spare rows may
 * stay empty. Pure; the API validates what remains.
 */
export function questionsOfForm(form: FormData, slots: number): { slot: number; draft: QuestionDraft }[] {
  const out: { slot: number; draft: QuestionDraft }[] = [];
  for (let i = 0; i < slots; i++) {
    const text = String(form.get(`q${i}.text`) ?? '').trim();
    const kind = String(form.get(`q${i}.kind`) ?? '');
    if (!text) continue;
    const options = String(form.get(`q${i}.options`) ?? '')
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter(Boolean);
    out.push({
      slot: i,
      draft: {
        kind: isKind(kind) ? kind : 'text',
        text,
        required: form.get(`q${i}.required`) === 'on',
        options: kind === 'single' || kind === 'multiple' ? options : [],
      },
    });
  }
  return out;
}

/**
 * The written questions in the rows they were typed in (a blank row stays blank), to fill the
 * editor again after a refusal: the refusal names a question by its row (`questions.<slot>`), so
 * closing up the blank rows would put the error beside another question.
 */
export function typedQuestions(
  drafts: readonly { slot: number; draft: QuestionDraft }[],
): (QuestionDraft | null)[] {
  const rows: (QuestionDraft | null)[] = Array.from({ length: (drafts.at(-1)?.slot ?? -1) + 1 }, () => null);
  for (const { slot, draft } of drafts) rows[slot] = draft;
  return rows;
}

export type AnswerPayload = { questionId: string; options?: number[]; scale?: number; text?: string };

/**
 * A resident's answers from the public form: a radio group per single choice and scale, a
 * checkbox group per multiple choice, a text area per free-text question, each named by the
 * question's id. Unanswered questions are left out (the API says which required one is missing).
 */
export function answersOfForm(questions: readonly StoredQuestion[], form: FormData): AnswerPayload[] {
  const out: AnswerPayload[] = [];
  for (const q of questions) {
    const values = form
      .getAll(q.id)
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (values.length === 0) continue;
    if (q.kind === 'text') out.push({ questionId: q.id, text: values[0] ?? '' });
    else if (q.kind === 'scale') out.push({ questionId: q.id, scale: Number(values[0]) });
    else out.push({ questionId: q.id, options: values.map(Number).filter(Number.isInteger) });
  }
  return out;
}

/**
 * Where the API's complaints about questions go: `questions.1.options` is about the second
 * written question, shown on its row (`questions.<slot>`), whatever empty rows came before it.
 */
export function questionFieldMapping(
  drafts: readonly { slot: number }[],
  fields: readonly string[],
  pathPrefix?: string,
) {
  const fieldForPath: Record<string, string> = {};
  drafts.forEach(({ slot }, i) => {
    for (const part of ['kind', 'text', 'options', 'required']) {
      fieldForPath[`questions.${i}.${part}`] = `questions.${slot}`;
    }
  });
  return {
    fields: [...fields, ...drafts.map(({ slot }) => `questions.${slot}`)],
    fieldForPath,
    ...(pathPrefix ? { pathPrefix } : {}),
  };
}

/** `q3` for the field `answers.q3` the API names in a refusal. */
export const questionOfField = (field: string | undefined) =>
  field?.startsWith('answers.') ? field.slice('answers.'.length) : undefined;

/** Where a resident answers a round through its public link (no district in the path: the token names it). */
export const surveyPath = (token: string) => `/survey/${token}`;
