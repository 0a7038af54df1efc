import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('reference cases plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('is a knowledge service nobody is taken in for, lending its cases to the assistant', () => {
    expect(registry.get('reference-cases')).toBe(plugin);
    expect(plugin).toMatchObject({ kind: 'knowledge', catalogue: [], categories: [] });
    expect(typeof plugin.referenceCases?.search).toBe('function');
  });

  it('is approved by those who review closed case files', () => {
    expect(plugin.permissions.find((p) => p.id === 'reference-cases.case.approve')?.grantedWith).toBe(
      'file-review.conduct',
    );
  });
});
