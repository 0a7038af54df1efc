import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('the legal assistant plugin', () => {
  it('is a knowledge service the registry accepts: nothing to take a resident in for', () => {
    const registry = createPluginRegistry([plugin]);
    expect(registry.get('legal-assistant')).toBe(plugin);
    expect(plugin).toMatchObject({ kind: 'knowledge', catalogue: [], categories: [] });
  });

  it('lends its screen to every case and its page to the bureau', () => {
    expect(plugin.adminRoutes?.map((route) => [route.id, route.placement])).toEqual([
      ['case-tools', ['case-tools']],
      ['questions', ['navigation']],
    ]);
  });
});
