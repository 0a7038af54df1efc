import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('mediation plugin', () => {
  const registry = createPluginRegistry([plugin]);
  const intake = {
    summary: '楼上住户卫生间渗水导致楼下天花板霉变，双方就维修和赔偿多次协商未果',
    amountInDispute: 8000,
    parties: [
      { name: '陈建国', role: 'applicant', phone: '13800138000' },
      { name: '刘海燕', role: 'respondent' },
    ],
  };

  it('has a valid manifest with the agreement permission chain', () => {
    expect(registry.get('mediation')).toBe(plugin);
    expect(registry.permissions().find((p) => p.id === 'mediation.agreement.create')?.dependsOn).toEqual([
      'mediation.case.mediate',
    ]);
  });

  it('accepts a realistic neighbours dispute', () => {
    const result = registry.validateIntake('mediation', intake);
    expect(result.ok && result.data.source).toBe('application');
  });

  it('names the fields of a bad intake', () => {
    const result = registry.validateIntake('mediation', {
      ...intake,
      parties: [
        { name: '陈建国', role: 'applicant' },
        { name: '刘海燕', role: 'witness' },
      ],
    });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['parties.1.role']);
    const oneSided = registry.validateIntake('mediation', {
      ...intake,
      parties: [
        { name: '陈建国', role: 'applicant' },
        { name: '陈建华', role: 'applicant' },
      ],
    });
    expect(oneSided.ok ? [] : oneSided.errors).toMatchObject([
      { field: 'parties', message: 'need at least one applicant and one respondent' },
    ]);
  });
});
