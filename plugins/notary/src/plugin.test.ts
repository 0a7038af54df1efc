import { createPluginRegistry } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { plugin } from './plugin.ts';

describe('notary plugin', () => {
  const registry = createPluginRegistry([plugin]);

  it('has a valid manifest with a documents checklist for every matter', () => {
    expect(registry.get('notary')).toBe(plugin);
    for (const entry of plugin.catalogue) expect(entry.requiredDocuments?.length).toBeGreaterThan(0);
    expect(registry.deadlineFor('notary', 'inheritance')).toBe(15);
  });

  it('accepts a realistic green-channel kinship application for use abroad', () => {
    const result = registry.validateIntake('notary', {
      matterType: 'kinship',
      applicantName: '张桂英',
      usedAbroad: true,
      destination: '加拿大',
      greenChannel: true,
      greenChannelReason: 'elderly',
    });
    expect(result).toEqual({
      ok: true,
      data: {
        matterType: 'kinship',
        applicantName: '张桂英',
        usedAbroad: true,
        destination: '加拿大',
        channel: 'in-person',
        greenChannel: true,
        greenChannelReason: 'elderly',
        expedited: false,
      },
    });
  });

  it('names the fields of a bad intake', () => {
    const result = registry.validateIntake('notary', { matterType: 'adoption', applicantName: '张桂英' });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['matterType']);
    const missingReason = registry.validateIntake('notary', {
      matterType: 'will',
      applicantName: '张桂英',
      greenChannel: true,
    });
    expect(missingReason.ok ? [] : missingReason.errors.map((error) => error.field)).toEqual([
      'greenChannelReason',
    ]);
  });
});
