import { type EligibilityRoute, eligibilityRoute } from './eligibility.ts';
import type { LegalAidIntake } from './intake-form.ts';
import { LEGAL_AID_MATTERS } from './matters.ts';

/** The outcome of checking an application against the scope and the district's threshold. */
export type EligibilityCheck =
  | { eligible: true; route: EligibilityRoute; perCapitaIncome: number | null; threshold: number | null }
  | {
      eligible: false;
      route: EligibilityRoute;
      /** An i18n message key saying why. */
      reason: 'legal-aid.out_of_scope' | 'legal-aid.no_threshold' | 'legal-aid.above_threshold';
      perCapitaIncome: number | null;
      threshold: number | null;
    };

/** Whether a matter is one legal aid covers (Legal Aid Law art. 31, plea leniency art. 25). */
export const inScope = (matter: string) => (LEGAL_AID_MATTERS as readonly string[]).includes(matter);

/** Per-capita monthly income of the household, to the fen. */
export const perCapitaIncome = (monthlyHouseholdIncome: number, householdSize: number) =>
  Math.round((monthlyHouseholdIncome / householdSize) * 100) / 100;

/**
 * Checks an application: the matter must be in scope; plea-leniency cases, migrant workers'
 * wage and work-injury claims and the exempt groups need no means test; everyone else qualifies
 * when the household's monthly income per member is at or below the district's threshold
 * (`threshold` in yuan; null when the district has set none yet).
 */
export function checkEligibility(intake: LegalAidIntake, threshold: number | null): EligibilityCheck {
  const route = eligibilityRoute(intake);
  if (!inScope(intake.matter)) {
    return { eligible: false, route, reason: 'legal-aid.out_of_scope', perCapitaIncome: null, threshold };
  }
  if (route !== 'hardship-check') return { eligible: true, route, perCapitaIncome: null, threshold: null };
  const income = intake.hardship
    ? perCapitaIncome(intake.hardship.monthlyHouseholdIncome, intake.hardship.householdSize)
    : null;
  if (threshold === null) {
    return { eligible: false, route, reason: 'legal-aid.no_threshold', perCapitaIncome: income, threshold };
  }
  if (income === null || income > threshold) {
    return {
      eligible: false,
      route,
      reason: 'legal-aid.above_threshold',
      perCapitaIncome: income,
      threshold,
    };
  }
  return { eligible: true, route, perCapitaIncome: income, threshold };
}

/**
 * The day a decision is due: legal-aid bodies decide within seven days of receiving a complete
 * application (Legal Aid Law art. 43), counted in calendar days.
 */
export function decisionDueOn(receivedOn: string): string {
  const day = new Date(`${receivedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}
