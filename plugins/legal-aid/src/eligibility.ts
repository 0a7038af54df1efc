import type { LegalAidIntake } from './intake-form.ts';

/**
 * How an application's eligibility is established:
 * - `mandatory`: a plea-leniency criminal case, where aid is assigned without any means test;
 * - `exempt-migrant-worker`: a migrant worker's wage or work-injury claim (green channel);
 * - `exempt-group`: the applicant belongs to a group exempt from the hardship check;
 * - `hardship-check`: the declaration must be checked before a decision.
 */
export type EligibilityRoute = 'mandatory' | 'exempt-migrant-worker' | 'exempt-group' | 'hardship-check';

/** The eligibility route of a validated application, which tells triage whether a hardship check is due. */
export function eligibilityRoute(intake: LegalAidIntake): EligibilityRoute {
  if (intake.matter === 'plea-leniency') return 'mandatory';
  if (intake.migrantWorkerWageClaim) return 'exempt-migrant-worker';
  if (intake.exemptGroup) return 'exempt-group';
  return 'hardship-check';
}
