import { fileURLToPath } from 'node:url';
import { placementSpace } from '@linju/plugin-sdk';
import { pluginRegistry } from '@linju/plugins';
import { describe, expect, it } from 'vitest';
import { type DeclaredScreen, PluginScreenError, pluginRouteEntries } from './plugin-routes.ts';
import { caseServiceLinks, type PluginScreen, pluginNavigationLinks } from './plugin-screens.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));

const sessions: DeclaredScreen = {
  pluginId: 'x-psychology',
  id: 'case-sessions',
  path: 'x-psychology',
  // Any module the admin app has: the plugins' own pages are hosted by routes/case-service.tsx.
  module: 'case-service',
  permission: 'case.read',
  placement: ['case-service'],
};

describe('pluginRouteEntries', () => {
  it('mounts a case screen under the case and a district screen under the district', () => {
    expect(
      pluginRouteEntries(
        [
          sessions,
          {
            ...sessions,
            pluginId: 'x-rent-clinic',
            id: 'slots',
            path: 'x-rent-clinic/slots',
            // Any module of the app serves (the plugin's own screen is hosted by the app).
            module: 'rosters',
            placement: ['navigation'],
          },
        ],
        appDir,
      ),
    ).toEqual([
      {
        path: 't/:tenant/cases/:id/x-psychology',
        file: 'routes/case-service.tsx',
        id: 'routes/case-service',
      },
      { path: 't/:tenant/x-rent-clinic/slots', file: 'routes/rosters.tsx', id: 'routes/rosters' },
    ]);
  });

  it("hosts a knowledge plugin's case-tools screen under every case, as a service's case screen is", () => {
    const tools: DeclaredScreen = {
      pluginId: 'statute-notes',
      id: 'notes',
      path: 'statute-notes',
      permission: 'case.read',
      placement: ['case-tools'],
    };
    expect(pluginRouteEntries([tools], appDir)).toEqual([
      {
        path: 't/:tenant/cases/:id/statute-notes',
        file: 'routes/case-service.tsx',
        id: 'plugin.statute-notes.notes.case-tools',
      },
    ]);
  });

  it('gives a screen linked from both places a route id for each', () => {
    const both = pluginRouteEntries([{ ...sessions, placement: ['case-service', 'navigation'] }], appDir);
    expect(both.map((entry) => entry.id)).toEqual([
      'routes/case-service-case-service',
      'routes/case-service-navigation',
    ]);
  });

  it('stops the build when a declaration names a module the admin app does not have', () => {
    const missing = { ...sessions, id: 'sessions', module: 'case-psychology' };
    expect(() => pluginRouteEntries([sessions, missing], appDir)).toThrow(
      new PluginScreenError(
        'Plugin "x-psychology", admin route "sessions": module "case-psychology" is not in apps/admin/app/routes (expected case-psychology.tsx)',
      ),
    );
  });

  it('stops the build when a declaration names a permission the platform does not know', () => {
    expect(() => pluginRouteEntries([{ ...sessions, permission: 'x-psychology.case.view' }], appDir)).toThrow(
      'Plugin "x-psychology", admin route "case-sessions": permission "x-psychology.case.view" is not one of the platform\'s',
    );
  });

  it('finds the module of every screen the installed plugins declare', () => {
    const declared = pluginRegistry.adminRoutes();
    expect(declared.length).toBeGreaterThan(0);
    const entries = pluginRouteEntries(declared, appDir);
    expect(entries.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(
        declared.flatMap((route) =>
          route.placement.map((place) =>
            placementSpace(place) === 'case'
              ? `t/:tenant/cases/:id/${route.path}`
              : `t/:tenant/${route.path}`,
          ),
        ),
      ),
    );
  });
});

describe('links to plugin screens', () => {
  const slots: PluginScreen = {
    pluginId: 'x-rent-clinic',
    id: 'slots',
    path: 'x-rent-clinic/slots',
    label: { 'zh-CN': '租房咨询预约', en: 'Rent clinic appointments' },
    permission: 'case.read',
  };
  const desk = [{ role: 'desk-officer', organisationId: 'station' }];
  const partner = [{ role: 'partner-user', organisationId: 'court' }];

  it('link a district screen for those whose roles open it', () => {
    expect(pluginNavigationLinks('xuhui', desk, [slots])).toEqual([
      { key: 'x-rent-clinic.slots', to: '/t/xuhui/x-rent-clinic/slots', label: slots.label },
    ]);
    expect(pluginNavigationLinks('xuhui', partner, [slots])).toEqual([]);
    // A permission the admin app does not know opens nothing.
    expect(
      pluginNavigationLinks('xuhui', desk, [{ ...slots, permission: 'x-rent-clinic.slot.manage' }]),
    ).toEqual([]);
  });

  it('link a case to its service’s pages, and to none for a service without any', () => {
    const record = { ...slots, pluginId: 'x-psychology', id: 'case-sessions', path: 'x-psychology' };
    expect(caseServiceLinks('xuhui', 'c1', desk, [record])).toEqual([
      { key: 'x-psychology.case-sessions', to: '/t/xuhui/cases/c1/x-psychology', label: record.label },
    ]);
    expect(caseServiceLinks('xuhui', 'c1', desk, undefined)).toEqual([]);
  });
});
