import { UnknownPluginPermissionError } from '@linju/plugin-sdk';
import { pluginRegistry } from '@linju/plugins';
import { describe, expect, it } from 'vitest';
import { carrierOf, uncarriedDependencies } from './plugin-permissions.ts';

const label = { 'zh-CN': '权限', en: 'Permission' };
const roles = { 'case.read': ['lawyer', 'inspector'], 'case.handle': ['lawyer'] };

describe('plugin permissions carried by platform permissions', () => {
  it('names the platform permission carrying each installed plugin permission', () => {
    const installed = pluginRegistry.permissions();
    expect(installed.length).toBeGreaterThan(0);
    for (const permission of installed) expect(carrierOf(permission.id)).toBe(permission.grantedWith);
  });

  it('refuses an id no installed plugin declares', () => {
    const [plugin] = pluginRegistry.plugins;
    const undeclared = `${plugin?.id}.nothing.declared`;
    expect(() => carrierOf(undeclared)).toThrow(new UnknownPluginPermissionError(undeclared));
  });

  it('accepts a dependency carried by a permission every carrier role holds', () => {
    const permissions = [
      { id: 'x-psychology.case.view', label, grantedWith: 'case.read' },
      {
        id: 'x-psychology.case.handle',
        label,
        grantedWith: 'case.handle',
        dependsOn: ['x-psychology.case.view'],
      },
    ];
    expect(uncarriedDependencies(permissions, roles)).toEqual([]);
  });

  it('names a dependency some role of the carrier would lack', () => {
    const permissions = [
      { id: 'x-psychology.case.handle', label, grantedWith: 'case.handle' },
      {
        id: 'x-psychology.case.view',
        label,
        grantedWith: 'case.read',
        dependsOn: ['x-psychology.case.handle'],
      },
    ];
    expect(uncarriedDependencies(permissions, roles)).toEqual([
      '"x-psychology.case.view" (with case.read) depends on "x-psychology.case.handle" (with case.handle), which inspector would lack',
    ]);
  });

  it('holds for every installed plugin (the server would not start otherwise)', async () => {
    const { PERMISSIONS } = await import('@linju/auth/permissions');
    expect(uncarriedDependencies(pluginRegistry.permissions(), PERMISSIONS)).toEqual([]);
  });
});
