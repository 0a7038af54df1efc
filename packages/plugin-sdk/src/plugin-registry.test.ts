import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import type { AnyPlugin } from './plugin-manifest.ts';
import {
  PluginManifestError,
  UnknownPluginError,
  UnknownPluginPermissionError,
} from './plugin-manifest-error.ts';
import { createPluginRegistry, type PluginRegistry } from './plugin-registry.ts';
import { SDK_VERSION } from './sdk-version.ts';
import { exampleManifest } from './test-fixtures.ts';

const mediation = definePlugin(exampleManifest());
const counselling = definePlugin({
  ...exampleManifest(),
  id: 'x-counselling',
  kind: 'x',
  name: { 'zh-CN': '心理咨询', en: 'Psychological counselling' },
  catalogue: [
    {
      id: 'counselling-session',
      name: { 'zh-CN': '心理疏导', en: 'Counselling session' },
      description: { 'zh-CN': '心理咨询师一对一疏导', en: 'One-to-one session with a counsellor' },
    },
  ],
  permissions: [
    {
      id: 'x-counselling.session.view',
      label: { 'zh-CN': '查看咨询记录', en: 'View sessions' },
      grantedWith: 'case.read',
    },
  ],
});

function errorOf(run: () => unknown): PluginManifestError {
  try {
    run();
  } catch (error) {
    if (error instanceof PluginManifestError) return error;
    throw error;
  }
  return expect.fail('expected a PluginManifestError');
}

describe('createPluginRegistry', () => {
  it('holds the listed plugins in order and finds them by id', () => {
    const registry = createPluginRegistry([mediation, counselling]);
    expect(registry.plugins.map((plugin) => plugin.id)).toEqual(['mediation', 'x-counselling']);
    expect(registry.has('mediation')).toBe(true);
    expect(registry.has('notary')).toBe(false);
    expect(registry.get('x-counselling')).toBe(counselling);
    expect(() => registry.get('notary' as 'mediation')).toThrow(new UnknownPluginError('notary'));
  });

  it('refuses two plugins with one id, naming the plugin and the field', () => {
    const error = errorOf(() =>
      createPluginRegistry([mediation, counselling, { ...mediation, version: '1.1.0' }]),
    );
    expect(error.pluginId).toBe('mediation');
    expect(error.issues).toEqual([{ field: 'id', message: 'is already used by another plugin' }]);
  });

  it(`refuses a plugin whose sdkVersion range excludes this SDK (${SDK_VERSION})`, () => {
    const error = errorOf(() => createPluginRegistry([{ ...mediation, sdkVersion: '2.x' }]));
    expect(error.message).toBe(
      `Plugin "mediation": sdkVersion: "2.x" does not accept this SDK (${SDK_VERSION})`,
    );
  });

  it('validates manifests that did not go through definePlugin', () => {
    const broken = { ...mediation, catalogue: [] } as AnyPlugin;
    const error = errorOf(() => createPluginRegistry([broken]));
    expect(error.issues).toEqual([{ field: 'catalogue', message: 'needs at least one entry' }]);
  });

  it('lists the catalogue of the enabled plugins only, each entry with its plugin', () => {
    const registry = createPluginRegistry([mediation, counselling]);
    expect(registry.catalogueFor(['x-counselling'])).toEqual([
      { ...counselling.catalogue[0], pluginId: 'x-counselling', pluginName: counselling.name },
    ]);
    expect(registry.catalogueFor(new Set(['x-counselling', 'mediation'])).map((item) => item.id)).toEqual([
      'dispute-mediation',
      'counselling-session',
    ]);
    expect(registry.catalogueFor([])).toEqual([]);
    expect(() => registry.catalogueFor(['notary'])).toThrow(UnknownPluginError);
  });

  it('lists every permission the plugins declare', () => {
    const registry = createPluginRegistry([mediation, counselling]);
    expect(registry.permissions().map((permission) => permission.id)).toEqual([
      'mediation.case.view',
      'mediation.agreement.create',
      'x-counselling.session.view',
    ]);
  });

  it('finds a declared permission by id, and names one nobody declares', () => {
    const registry = createPluginRegistry([mediation, counselling]);
    expect(registry.permission('x-counselling.session.view').grantedWith).toBe('case.read');
    expect(() => registry.permission('mediation.case.close')).toThrow(
      new UnknownPluginPermissionError('mediation.case.close'),
    );
  });

  it('refuses a permission carried by a platform permission the platform does not have', () => {
    const platformPermissions = ['case.read', 'case.handle'];
    expect(createPluginRegistry([mediation, counselling], { platformPermissions }).plugins).toHaveLength(2);
    const error = errorOf(() =>
      createPluginRegistry(
        [
          {
            ...mediation,
            permissions: [
              ...mediation.permissions,
              { id: 'mediation.case.close', label: mediation.name, grantedWith: 'case.close' },
            ],
          },
        ],
        { platformPermissions },
      ),
    );
    expect(error.message).toBe(
      'Plugin "mediation": permissions.2.grantedWith: "case.close" is not a platform permission',
    );
  });

  it("refuses a permission depending on one its plugin doesn't declare", () => {
    const error = errorOf(() =>
      createPluginRegistry([
        {
          ...mediation,
          permissions: [
            {
              id: 'mediation.case.close',
              label: mediation.name,
              grantedWith: 'case.handle',
              dependsOn: ['notary.matter.view'],
            },
          ],
        },
      ]),
    );
    expect(error.issues).toEqual([
      {
        field: 'permissions.0.dependsOn',
        message: 'names "notary.matter.view", which this plugin does not declare',
      },
    ]);
  });

  it('gives the time limit of a category, or the plugin default', () => {
    const registry = createPluginRegistry([mediation]);
    expect(registry.deadlineFor('mediation', 'neighbours')).toBe(15);
    expect(registry.deadlineFor('mediation', 'family')).toBe(30);
  });

  it('widens to a registry of any plugin, for ids that arrive at run time', () => {
    const registry: PluginRegistry = createPluginRegistry([mediation, counselling]);
    const requested: string = 'x-counselling';
    expect(registry.has(requested) && registry.get(requested).id).toBe('x-counselling');
    expect(registry.validateIntake(requested, {}).ok).toBe(false);
  });

  describe('validateIntake', () => {
    const registry = createPluginRegistry([mediation, counselling]);
    const intake = {
      summary: '楼上漏水导致楼下天花板受损，双方就赔偿金额协商不成',
      category: 'neighbours',
      parties: [
        { name: '王某', role: 'applicant' },
        { name: '李某', role: 'respondent' },
      ],
    };

    it("accepts data matching the plugin's own form and types it", () => {
      const result = registry.validateIntake('mediation', intake);
      expect(result).toEqual({ ok: true, data: intake });
      if (result.ok) expectTypeOf(result.data.category).toEqualTypeOf<'family' | 'neighbours'>();
    });

    it('names each field that fails, nested ones with their index', () => {
      const result = registry.validateIntake('mediation', {
        ...intake,
        category: 'debts',
        parties: [{ name: '王某', role: 'applicant' }, { name: '李某' }],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.map((error) => error.field)).toEqual(['category', 'parties.1.role']);
        expect(result.errors[0]?.code).toBe('invalid_value');
      }
    });

    it('refuses an unknown plugin', () => {
      expect(() => registry.validateIntake('notary' as 'mediation', intake)).toThrow(UnknownPluginError);
    });
  });
});
