import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('legal-education plugin', () => {
  const registry = createPluginRegistry([plugin]);
  const event = {
    title: '农民工“治欠保支”法治宣传',
    eventType: 'into-worksites',
    themes: ['labour-wages', 'civil-code'],
    venue: '马驹桥物流基地项目工地',
    date: '2025-01-15',
    attendance: 120,
    materialsHandedOut: 5000,
  };

  it('has a valid manifest', () => {
    expect(registry.get('legal-education')).toBe(plugin);
  });

  it('accepts a realistic worksite event', () => {
    expect(registry.validateIntake('legal-education', event)).toEqual({ ok: true, data: event });
  });

  it('names the fields of a bad record', () => {
    const result = registry.validateIntake('legal-education', { ...event, themes: [], attendance: -3 });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['themes', 'attendance']);
  });
});
