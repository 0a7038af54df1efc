import { type CaseInHand, PluginRuleError } from '@linju/plugin-sdk';
import { isNotaryMatter } from './documents-checklist.ts';
import { notaryIntakeForm } from './intake-form.ts';

/** The notarial matter of a case: the intake form's answer, else the category chosen at triage. */
export function matterOfCase(c: Pick<CaseInHand, 'form' | 'categoryId'>) {
  const intake = notaryIntakeForm.safeParse(c.form);
  const matter = intake.success ? intake.data.matterType : c.categoryId;
  if (!isNotaryMatter(matter)) {
    throw new PluginRuleError('bad-request', 'notary.case_has_no_matter', { field: 'caseId' });
  }
  return matter;
}
