import { type CaseInHand, PluginRuleError } from '@linju/plugin-sdk';
import { type CheckupAnswers, intakeForm } from '../intake-form.ts';

/** The questionnaire of the case in hand, as intake validated it; refused when the case has none. */
export function checkupAnswers(c: CaseInHand): CheckupAnswers {
  const answers = intakeForm.safeParse(c.form);
  if (!answers.success) {
    throw new PluginRuleError('bad-request', 'x-enterprise-checkup.no_questionnaire', { field: 'caseId' });
  }
  return answers.data;
}
