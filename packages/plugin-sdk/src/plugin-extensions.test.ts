import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from './define-plugin.ts';
import type { PluginTaskContext } from './plugin-context.ts';
import { type AdminRoute, type AnyPlugin, pluginActivity } from './plugin-manifest.ts';
import { createPluginRegistry } from './plugin-registry.ts';
import { exampleManifest, issuesOf } from './test-fixtures.ts';

const lapseWindows = pluginActivity({
  name: 'mediation.lapse-confirmation-windows',
  description: { 'zh-CN': '标记已过司法确认申请期限的协议', en: 'Marks agreements past their window' },
  input: z.object({ asOf: z.iso.datetime().optional() }),
  schedule: 'daily',
  async run(ctx, input) {
    expectTypeOf(ctx).toEqualTypeOf<PluginTaskContext>();
    expectTypeOf(input.asOf).toEqualTypeOf<string | undefined>();
    return { lapsed: 0 };
  },
});

const mediationScreen: AdminRoute = {
  id: 'mediation',
  path: 'mediation',
  module: 'case-mediation',
  label: { 'zh-CN': '调解', en: 'Mediation' },
  permission: 'case.read',
  placement: ['case-service'],
};

describe('activities', () => {
  it('are declared with a typed input and registered under their full name', () => {
    const plugin = definePlugin({ ...exampleManifest(), activities: [lapseWindows] });
    const registry = createPluginRegistry([plugin]);
    expect(registry.activities()).toEqual([{ pluginId: 'mediation', activity: lapseWindows }]);
  });

  it('must be named <plugin id>.<kebab-case name>, with a function to run', () => {
    expect(
      issuesOf({
        ...exampleManifest(),
        activities: [
          { ...lapseWindows, name: 'mediation.Lapse' },
          { ...lapseWindows, name: 'mediation.no-run', run: 'not a function' },
        ],
      }),
    ).toEqual({
      'activities.0.name': 'must look like <plugin id>.<kebab-case name>',
      'activities.1.run': 'must be a function',
    });
  });

  it("must start with the plugin's id, once each, and leave the tenant to the platform", () => {
    expect(
      issuesOf({
        ...exampleManifest(),
        activities: [
          { ...lapseWindows, name: 'notary.lapse' },
          lapseWindows,
          lapseWindows,
          { ...lapseWindows, name: 'mediation.with-tenant', input: z.object({ tenantId: z.string() }) },
        ],
      }),
    ).toEqual({
      'activities.0.name': 'must start with "mediation."',
      'activities.2.name': 'duplicates "mediation.lapse-confirmation-windows"',
      'activities.3.input': 'must not declare tenantId: the platform passes the tenant',
    });
  });

  it('cannot take the name of another plugin, even past definePlugin', () => {
    // A manifest that skipped definePlugin cannot take another plugin's name either.
    const thief = {
      ...exampleManifest(),
      id: 'x-thief',
      kind: 'x',
      permissions: [],
      activities: [lapseWindows],
    } as AnyPlugin;
    const mediation = definePlugin({ ...exampleManifest(), activities: [lapseWindows] });
    expect(() => createPluginRegistry([mediation, thief])).toThrow(
      'Plugin "x-thief": activities.0.name: must start with "x-thief."',
    );
  });
});

describe('workflow hooks', () => {
  it('give onReferralClosed the task context and the referral outcome', () => {
    const plugin = definePlugin({
      ...exampleManifest(),
      hooks: {
        async onReferralClosed(ctx, event) {
          expectTypeOf(ctx.db.query).toBeFunction();
          expectTypeOf(event.status).toEqualTypeOf<'completed' | 'failed'>();
          expectTypeOf(event.kind).toBeString();
        },
      },
    });
    expect(typeof plugin.hooks?.onReferralClosed).toBe('function');
    expect(issuesOf({ ...exampleManifest(), hooks: { onReferralClosed: 'soon' } })).toEqual({
      'hooks.onReferralClosed': 'must be a function',
    });
  });
});

describe('admin routes', () => {
  it('are listed by the registry with their plugin', () => {
    const registry = createPluginRegistry([
      definePlugin({ ...exampleManifest(), adminRoutes: [mediationScreen] }),
    ]);
    expect(registry.adminRoutes()).toEqual([{ ...mediationScreen, pluginId: 'mediation' }]);
  });

  it('need a kebab-case path and module, a permission and a placement, unique within the plugin', () => {
    expect(
      issuesOf({
        ...exampleManifest(),
        adminRoutes: [
          { ...mediationScreen, path: '/Mediation/' },
          { ...mediationScreen, id: 'other', module: 'case_mediation.tsx', permission: 'read' },
          { ...mediationScreen, id: 'none', path: 'none', placement: [] },
          { ...mediationScreen, id: 'twice', path: 'twice', placement: ['navigation', 'navigation'] },
          { ...mediationScreen, id: 'copy', path: 'mediation' },
        ],
      }),
    ).toEqual({
      'adminRoutes.0.path': 'must be kebab-case segments separated by "/"',
      'adminRoutes.1.module': 'must be kebab-case (a-z, 0-9, single hyphens)',
      'adminRoutes.1.permission': 'must name a permission such as case.read',
      'adminRoutes.2.placement': 'needs case-service, case-tools, navigation or settings',
      'adminRoutes.3.placement': 'lists a placement twice',
      'adminRoutes.4.path': 'duplicates "mediation"',
    });
  });

  it('are refused by the registry when another plugin has a screen at that path and place', () => {
    const mediation = definePlugin({ ...exampleManifest(), adminRoutes: [mediationScreen] });
    const other = definePlugin({
      ...exampleManifest(),
      id: 'x-mediation',
      kind: 'x',
      permissions: [],
      adminRoutes: [{ ...mediationScreen, placement: ['navigation', 'case-service'] }],
    });
    expect(() => createPluginRegistry([mediation, other])).toThrow(
      'Plugin "x-mediation": adminRoutes.0.path: "mediation" is already a screen of "mediation"',
    );
    // The same path in another place is no clash: a district page and a case page differ.
    const elsewhere = { ...other, adminRoutes: [{ ...mediationScreen, placement: ['navigation' as const] }] };
    expect(createPluginRegistry([mediation, elsewhere]).adminRoutes()).toHaveLength(2);
  });
});
