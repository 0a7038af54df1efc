import { type CaseParty, PluginRuleError } from '@linju/plugin-sdk';
import { type MediationDispute, mediationIntakeForm } from './intake-form.ts';

/** A party as the case records it: the resident who came, co-applicants, adverse and other parties. */
export type RecordedParty = Pick<CaseParty, 'name' | 'role'>;

/** Who signs the agreement on which side; third parties, agents and others are not a side. */
const SIDE: Partial<Record<RecordedParty['role'], 'applicant' | 'respondent'>> = {
  resident: 'applicant',
  'co-applicant': 'applicant',
  adverse: 'respondent',
};

/**
 * The parties and the dispute of a mediation case: from its mediation form when it was filled in,
 * else from the case itself — the resident (and co-applicants) as applicants, the adverse parties
 * as respondents, the case description as the summary. The case's parties are read only when the
 * form has none.
 */
export async function disputeOf(
  c: { form: unknown; description: string },
  recordedParties: () => Promise<readonly RecordedParty[]>,
): Promise<MediationDispute> {
  const form = mediationIntakeForm.safeParse(c.form);
  if (form.success && form.data.parties) return { summary: form.data.summary, parties: form.data.parties };
  const parties = (await recordedParties()).flatMap((p) => {
    const side = SIDE[p.role];
    return side ? [{ name: p.name, role: side }] : [];
  });
  if (!parties.some((p) => p.role === 'respondent')) {
    throw new PluginRuleError('bad-request', 'mediation.case_has_no_parties', { field: 'caseId' });
  }
  return { summary: form.success ? form.data.summary : c.description, parties };
}
