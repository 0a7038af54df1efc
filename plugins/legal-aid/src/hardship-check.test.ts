import { describe, expect, it } from 'vitest';
import { checkEligibility, decisionDueOn, perCapitaIncome } from './hardship-check.ts';
import { type LegalAidIntake, legalAidIntakeForm } from './intake-form.ts';

const application = (over: Record<string, unknown> = {}): LegalAidIntake =>
  legalAidIntakeForm.parse({
    applicantName: '马长友',
    matter: 'support-payments',
    summary: '子女拒绝支付赡养费，申请人年老多病无力起诉',
    hardship: {
      householdSize: 3,
      monthlyHouseholdIncome: 7590,
      incomeSources: '退休金',
      truthfulnessPledge: true,
    },
    ...over,
  });

describe('the economic-hardship check', () => {
  it('divides the household income by its members, to the fen', () => {
    expect(perCapitaIncome(7590, 3)).toBe(2530);
    expect(perCapitaIncome(1000, 3)).toBe(333.33);
  });

  it('qualifies an applicant exactly at the threshold and refuses one a fen above it', () => {
    expect(checkEligibility(application(), 2530)).toEqual({
      eligible: true,
      route: 'hardship-check',
      perCapitaIncome: 2530,
      threshold: 2530,
    });
    expect(checkEligibility(application(), 2529.99)).toMatchObject({
      eligible: false,
      reason: 'legal-aid.above_threshold',
    });
  });

  it('cannot decide a means-tested application before the district sets its threshold', () => {
    expect(checkEligibility(application(), null)).toMatchObject({
      eligible: false,
      reason: 'legal-aid.no_threshold',
    });
  });

  it('exempts migrant workers’ wage claims and plea-leniency cases from the means test', () => {
    const wages = application({
      matter: 'labour-remuneration',
      migrantWorkerWageClaim: true,
      hardship: undefined,
    });
    expect(checkEligibility(wages, 100)).toMatchObject({ eligible: true, route: 'exempt-migrant-worker' });
    const plea = application({ matter: 'plea-leniency', hardship: undefined });
    expect(checkEligibility(plea, null)).toMatchObject({ eligible: true, route: 'mandatory' });
    const group = application({ exemptGroup: 'assistance-recipient', hardship: undefined });
    expect(checkEligibility(group, 100)).toMatchObject({ eligible: true, route: 'exempt-group' });
  });

  it('refuses a matter outside the scope', () => {
    const outside = { ...application(), matter: 'divorce' } as unknown as LegalAidIntake;
    expect(checkEligibility(outside, 5000)).toMatchObject({
      eligible: false,
      reason: 'legal-aid.out_of_scope',
    });
  });

  it('is due seven calendar days after the application', () => {
    expect(decisionDueOn('2026-09-28')).toBe('2026-10-05');
    expect(decisionDueOn('2026-12-28')).toBe('2027-01-04');
  });
});
