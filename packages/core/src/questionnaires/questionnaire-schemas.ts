import { schema } from '@linju/db';
import { z } from 'zod';

const ZText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.too_long' });

const CHOICE_KINDS: readonly schema.QuestionKind[] = ['single', 'multiple'];
export const isChoice = (kind: schema.QuestionKind) => CHOICE_KINDS.includes(kind);

/** A question as the author writes it; its id is given on save (`q1`, `q2`… by position). */
export const ZQuestion = z
  .object({
    kind: z.enum(schema.QUESTION_KINDS),
    text: ZText(500),
    required: z.boolean().default(false),
    options: z.array(ZText(200)).max(20).default([]),
  })
  .superRefine((q, ctx) => {
    if (isChoice(q.kind) && q.options.length < 2) {
      ctx.addIssue({ code: 'custom', message: 'questionnaire.options_needed', path: ['options'] });
    }
    if (!isChoice(q.kind) && q.options.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'questionnaire.options_only_for_choices', path: ['options'] });
    }
  });

export const ZQuestionnaireContent = z.object({
  title: ZText(200),
  intro: z.string().trim().max(2000, { message: 'validation.too_long' }).default(''),
  questions: z.array(ZQuestion).min(1, { message: 'questionnaire.questions_needed' }).max(60),
});

export const ZCreateQuestionnaireRequest = ZQuestionnaireContent.extend({ organisationId: z.uuid() });
export const ZUpdateQuestionnaireRequest = z.object({ id: z.uuid(), data: ZQuestionnaireContent });
export const ZQuestionnaireIdRequest = z.object({ id: z.uuid() });

/** The stored form: ids by position, options kept only for the choice kinds. */
export const storedQuestions = (questions: z.output<typeof ZQuestion>[]): schema.Question[] =>
  questions.map((q, i) => ({
    id: `q${i + 1}`,
    kind: q.kind,
    text: q.text,
    required: q.required,
    ...(isChoice(q.kind) ? { options: q.options } : {}),
  }));
