import { type Actor, DomainError, getCase, type LoadedCase } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { type MediationDispute, mediationIntakeForm } from '@linju/plugin-mediation';

/**
 * The parties and the dispute of a mediation case: from its mediation form when it was filled in,
 * else from the case itself — the resident (and co-applicants) as applicants, the adverse
 * parties as respondents, the case description as the summary.
 */
export async function partiesOf(tx: TenantTx, actor: Actor, c: LoadedCase): Promise<MediationDispute> {
  const form = mediationIntakeForm.safeParse(c.row.form);
  if (form.success && form.data.parties) return { summary: form.data.summary, parties: form.data.parties };
  const full = await getCase(tx, actor, { caseId: c.row.id });
  const parties = [
    { name: full.resident.name, role: 'applicant' as const },
    ...full.parties
      .filter((p) => p.role !== 'other')
      .map((p) => ({
        name: p.name,
        role: p.role === 'adverse' ? ('respondent' as const) : ('applicant' as const),
      })),
  ];
  if (!parties.some((p) => p.role === 'respondent')) {
    throw new DomainError('bad-request', 'mediation.case_has_no_parties', { field: 'caseId' });
  }
  return { summary: form.success ? form.data.summary : c.row.description, parties };
}
