import { createPluginRegistry, type PluginContext, type PluginLogger } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { eligibilityRoute } from './eligibility.ts';
import type { LegalAidIntake } from './intake-form.ts';
import { plugin } from './plugin.ts';

describe('legal-aid plugin', () => {
  const registry = createPluginRegistry([plugin]);
  const wageClaim = {
    applicantName: '马长友',
    matter: 'labour-remuneration',
    summary: '在某建筑工地做钢筋工八个月，包工头拖欠工资三万二千元至今未付',
    opposingParty: '某建筑劳务有限公司',
    migrantWorkerWageClaim: true,
  };

  it('has a valid manifest', () => {
    expect(registry.get('legal-aid')).toBe(plugin);
    expect(registry.deadlineFor('legal-aid', 'plea-leniency')).toBe(3);
  });

  it('declares its own actions; assigning the lawyer is carried by the platform’s case.manage', () => {
    expect(plugin.permissions.map((permission) => permission.id)).toEqual([
      'legal-aid.application.view',
      'legal-aid.hardship-check.perform',
      'legal-aid.application.decide',
      'legal-aid.lawyer.assign',
      'legal-aid.closure.report',
      'legal-aid.subsidy.record',
      'legal-aid.threshold.view',
      'legal-aid.threshold.set',
    ]);
    expect(plugin.permissions.find((p) => p.id === 'legal-aid.lawyer.assign')?.grantedWith).toBe(
      'case.manage',
    );
  });

  it("accepts a migrant worker's wage claim without a hardship declaration", () => {
    const result = registry.validateIntake('legal-aid', wageClaim);
    expect(result.ok && eligibilityRoute(result.data)).toBe('exempt-migrant-worker');
  });

  it('names the fields of a bad intake', () => {
    const result = registry.validateIntake('legal-aid', { ...wageClaim, migrantWorkerWageClaim: false });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['hardship']);
    const unsigned = registry.validateIntake('legal-aid', {
      ...wageClaim,
      matter: 'support-payments',
      migrantWorkerWageClaim: false,
      hardship: {
        householdSize: 2,
        monthlyHouseholdIncome: 1800,
        incomeSources: '低保及零工',
        truthfulnessPledge: false,
      },
    });
    expect(unsigned.ok ? [] : unsigned.errors.map((error) => error.field)).toEqual([
      'hardship.truthfulnessPledge',
    ]);
  });

  it('tells triage whether a hardship check is due, and logs it when a case is created', async () => {
    const base = { ...wageClaim, migrantWorkerWageClaim: false } as LegalAidIntake;
    expect(eligibilityRoute({ ...base, matter: 'plea-leniency' })).toBe('mandatory');
    expect(eligibilityRoute({ ...base, exemptGroup: 'assistance-recipient' })).toBe('exempt-group');
    expect(eligibilityRoute(base)).toBe('hardship-check');

    const logged: unknown[] = [];
    const logger: PluginLogger = {
      debug: () => {},
      info: (message, fields) => logged.push({ message, fields }),
      warn: () => {},
      error: () => {},
    };
    const ctx: PluginContext = { tenantId: 'tongzhou', logger };
    await plugin.hooks?.onCaseCreated?.(ctx, {
      caseId: 'c-1',
      organisationId: 'centre',
      categoryId: 'labour-remuneration',
      createdAt: new Date('2025-03-18T09:00:00+08:00'),
      form: { ...base, migrantWorkerWageClaim: true },
    });
    expect(logged).toEqual([
      {
        message: 'legal-aid eligibility route',
        fields: { caseId: 'c-1', matter: 'labour-remuneration', route: 'exempt-migrant-worker' },
      },
    ]);
  });
});
