import { caseProcedure, describeForm } from '@linju/plugin-sdk';
import { z } from 'zod';
import { intakeForm } from '../intake-form.ts';

/** Everything the counselling record shows: the case's number and its intake answers under the form's labels. */
export const page = caseProcedure({
  kind: 'query',
  permission: 'x-counselling.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx) => {
    const answers = (ctx.case.form ?? {}) as Record<string, unknown>;
    return {
      case: { id: ctx.case.id, number: ctx.case.number },
      answers: describeForm(intakeForm)
        .filter((field) => answers[field.key] !== undefined)
        .map(({ key, label, options }) => ({
          key,
          label,
          value: String(answers[key]),
          // A choice shows under its option's label.
          option: options?.find((o) => o.value === answers[key])?.label ?? null,
        })),
    };
  },
});
