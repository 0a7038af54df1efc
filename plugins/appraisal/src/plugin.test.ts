import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('appraisal plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid manifest', () => {
    expect(registry.get('appraisal')).toBe(plugin);
    expect(plugin.categories.map((category) => category.id)).toEqual([
      'injury-degree',
      'disability-grade',
      'mental-state',
      'civil-capacity',
    ]);
  });

  it('accepts a realistic traffic-injury question', () => {
    const result = registry.validateIntake('appraisal', {
      appraisalType: 'disability-grade',
      purpose: 'litigation',
      summary: '骑电动车被机动车撞伤，右腿骨折已手术出院三个月，想知道何时可以做伤残鉴定',
      incidentDate: '2025-01-06',
      medicalRecordsAvailable: true,
    });
    expect(result.ok).toBe(true);
  });

  it('names the field of a bad intake', () => {
    const result = registry.validateIntake('appraisal', {
      appraisalType: 'disability-grade',
      purpose: 'litigation',
      summary: '骑电动车被机动车撞伤，右腿骨折已手术出院三个月',
      incidentDate: '2025年1月6日',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['incidentDate']);
  });
});
