import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('x-counselling plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid X manifest', () => {
    expect(registry.get('x-counselling').kind).toBe('x');
    expect(registry.deadlineFor('x-counselling', 'family')).toBe(10);
  });

  it('accepts a resident worn down by a neighbour dispute', () => {
    const result = registry.validateIntake('x-counselling', {
      concern: 'dispute-stress',
      linkedToDispute: true,
    });
    expect(result).toMatchObject({ ok: true, data: { riskOfHarm: false } });
  });

  it('names the field of an unknown concern', () => {
    const bad = registry.validateIntake('x-counselling', { concern: 'astrology' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['concern']);
  });

  it('alerts the station head on an intake with a risk of harm, and only then', () => {
    const alert = (riskOfHarm: boolean) =>
      plugin.hooks?.alertOnIntake?.({ concern: 'other', linkedToDispute: false, riskOfHarm });
    expect(alert(true)).toEqual({ messageKey: 'x-counselling.alert.risk_of_harm' });
    expect(alert(false)).toBeNull();
  });

  it('flags a risk of harm for the desk', () => {
    const warnings: string[] = [];
    const ctx = { tenantId: 't', logger: { info() {}, warn: (m: string) => warnings.push(m), error() {} } };
    plugin.hooks?.onCaseCreated?.(
      ctx as never,
      {
        caseId: 'c',
        organisationId: 'o',
        categoryId: 'individual',
        createdAt: new Date(),
        form: { concern: 'other', linkedToDispute: false, riskOfHarm: true },
      } as never,
    );
    expect(warnings).toHaveLength(1);
  });
});
