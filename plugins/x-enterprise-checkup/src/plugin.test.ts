import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import type { CheckupAnswers } from './intake-form.ts';
import { plugin } from './plugin.ts';
import { riskReport } from './risk-report.ts';

const diligent: CheckupAnswers = {
  enterpriseName: '某某餐饮有限公司',
  employees: 12,
  writtenLabourContracts: true,
  socialInsurancePaid: true,
  contractTemplatesReviewed: true,
  wageArrears: false,
  pendingLawsuits: false,
};

describe('x-enterprise-checkup plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid X manifest and takes a realistic questionnaire', () => {
    expect(registry.get('x-enterprise-checkup').kind).toBe('x');
    expect(
      registry.validateIntake('x-enterprise-checkup', { enterpriseName: '某某餐饮有限公司', employees: '12' })
        .ok,
    ).toBe(true);
  });

  it('names the field of a bad answer', () => {
    const bad = registry.validateIntake('x-enterprise-checkup', { enterpriseName: '某', employees: -1 });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field).sort()).toEqual(['employees', 'enterpriseName']);
  });

  it('reports low risk for a firm that does everything right', () => {
    expect(riskReport(diligent)).toEqual({ level: 'low', findings: [] });
  });

  it('reports high risk for wage arrears, first', () => {
    const report = riskReport({ ...diligent, wageArrears: true, contractTemplatesReviewed: false });
    expect(report.level).toBe('high');
    expect(report.findings.map((f) => f.id)).toEqual(['wage-arrears', 'contract-templates']);
  });

  it('does not count missing labour contracts against a firm without employees', () => {
    expect(
      riskReport({ ...diligent, employees: 0, writtenLabourContracts: false, socialInsurancePaid: false })
        .level,
    ).toBe('low');
  });
});
