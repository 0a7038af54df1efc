import { UnknownPluginPermissionError } from '@linju/plugin-sdk';
import { pluginRegistry } from '@linju/plugins';
import { describe, expect, it } from 'vitest';
import { carrierOf, uncarriedDependencies } from './plugin-permissions.ts';

const label = { 'zh-CN': '权限', en: 'Permission' };
const roles = { 'case.read': ['mediator', 'inspector'], 'case.handle': ['mediator'] };

describe('plugin permissions carried by platform permissions', () => {
  it('names the platform permission carrying each installed plugin permission', () => {
    expect(carrierOf('mediation.agreement.create')).toBe('case.handle');
    expect(carrierOf('mediation.case.view')).toBe('case.read');
    expect(carrierOf('notary.matter.accept')).toBe('case.handle');
    expect(carrierOf('legal-aid.application.decide')).toBe('case.handle');
    expect(carrierOf('x-counselling.case.handle')).toBe('case.handle');
  });

  it('refuses an id no installed plugin declares', () => {
    expect(() => carrierOf('mediation.agreement.sign')).toThrow(
      new UnknownPluginPermissionError('mediation.agreement.sign'),
    );
  });

  it('accepts a dependency carried by a permission every carrier role holds', () => {
    const permissions = [
      { id: 'mediation.case.view', label, grantedWith: 'case.read' },
      { id: 'mediation.case.mediate', label, grantedWith: 'case.handle', dependsOn: ['mediation.case.view'] },
    ];
    expect(uncarriedDependencies(permissions, roles)).toEqual([]);
  });

  it('names a dependency some role of the carrier would lack', () => {
    const permissions = [
      { id: 'mediation.case.mediate', label, grantedWith: 'case.handle' },
      { id: 'mediation.case.view', label, grantedWith: 'case.read', dependsOn: ['mediation.case.mediate'] },
    ];
    expect(uncarriedDependencies(permissions, roles)).toEqual([
      '"mediation.case.view" (with case.read) depends on "mediation.case.mediate" (with case.handle), which inspector would lack',
    ]);
  });

  it('holds for every installed plugin (the server would not start otherwise)', async () => {
    const { PERMISSIONS } = await import('@linju/auth/permissions');
    expect(uncarriedDependencies(pluginRegistry.permissions(), PERMISSIONS)).toEqual([]);
  });
});
