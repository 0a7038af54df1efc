import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('expert pool plugin', () => {
  it('has a valid manifest: a knowledge service no resident is taken in for', () => {
    const registry = createPluginRegistry([plugin]);
    expect(registry.get('expert-pool')).toBe(plugin);
    expect([plugin.kind, plugin.catalogue, plugin.categories]).toEqual(['knowledge', [], []]);
  });

  it('works on any case of the district, and keeps the pool at the bureau', () => {
    const scopes = Object.fromEntries(
      Object.entries(plugin.procedures ?? {}).map(([name, p]) => [name, p.scope]),
    );
    expect(scopes).toEqual({
      addExpert: 'district',
      answer: 'any-case',
      casePage: 'any-case',
      mine: 'units',
      pool: 'units',
      recordOpinion: 'any-case',
      requestOpinion: 'any-case',
      updateExpert: 'district',
      withdrawRequest: 'any-case',
    });
  });
});
