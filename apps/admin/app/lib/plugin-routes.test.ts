import { fileURLToPath } from 'node:url';
import { pluginRegistry } from '@linju/plugins';
import { describe, expect, it } from 'vitest';
import { type DeclaredScreen, PluginScreenError, pluginRouteEntries } from './plugin-routes.ts';
import { caseServiceLinks, type PluginScreen, pluginNavigationLinks } from './plugin-screens.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));

const mediation: DeclaredScreen = {
  pluginId: 'mediation',
  id: 'case-mediation',
  path: 'mediation',
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
          mediation,
          {
            ...mediation,
            pluginId: 'notary',
            id: 'slots',
            path: 'notary/slots',
            // Any module of the app serves (notary's own screen is hosted now).
            module: 'rosters',
            placement: ['navigation'],
          },
        ],
        appDir,
      ),
    ).toEqual([
      {
        path: 't/:tenant/cases/:id/mediation',
        file: 'routes/case-service.tsx',
        id: 'routes/case-service',
      },
      { path: 't/:tenant/notary/slots', file: 'routes/rosters.tsx', id: 'routes/rosters' },
    ]);
  });

  it('gives a screen linked from both places a route id for each', () => {
    const both = pluginRouteEntries([{ ...mediation, placement: ['case-service', 'navigation'] }], appDir);
    expect(both.map((entry) => entry.id)).toEqual([
      'routes/case-service-case-service',
      'routes/case-service-navigation',
    ]);
  });

  it('stops the build when a declaration names a module the admin app does not have', () => {
    const missing = { ...mediation, pluginId: 'x-psychology', id: 'sessions', module: 'case-psychology' };
    expect(() => pluginRouteEntries([mediation, missing], appDir)).toThrow(
      new PluginScreenError(
        'Plugin "x-psychology", admin route "sessions": module "case-psychology" is not in apps/admin/app/routes (expected case-psychology.tsx)',
      ),
    );
  });

  it('stops the build when a declaration names a permission the platform does not know', () => {
    expect(() => pluginRouteEntries([{ ...mediation, permission: 'mediation.case.view' }], appDir)).toThrow(
      'Plugin "mediation", admin route "case-mediation": permission "mediation.case.view" is not one of the platform\'s',
    );
  });

  it('finds the module of every screen the installed plugins declare', () => {
    const entries = pluginRouteEntries(pluginRegistry.adminRoutes(), appDir);
    expect(entries.map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        't/:tenant/cases/:id/mediation',
        't/:tenant/cases/:id/notary',
        't/:tenant/cases/:id/consultation',
        't/:tenant/cases/:id/legal-aid',
        't/:tenant/cases/:id/appraisal',
        't/:tenant/notary/slots',
        't/:tenant/legal-education',
        't/:tenant/settings/legal-aid',
      ]),
    );
  });
});

describe('links to plugin screens', () => {
  const slots: PluginScreen = {
    pluginId: 'notary',
    id: 'slots',
    path: 'notary/slots',
    label: { 'zh-CN': '公证预约', en: 'Notary appointments' },
    permission: 'case.read',
  };
  const desk = [{ role: 'desk-officer', organisationId: 'station' }];
  const partner = [{ role: 'partner-user', organisationId: 'court' }];

  it('link a district screen for those whose roles open it', () => {
    expect(pluginNavigationLinks('xuhui', desk, [slots])).toEqual([
      { key: 'notary.slots', to: '/t/xuhui/notary/slots', label: slots.label },
    ]);
    expect(pluginNavigationLinks('xuhui', partner, [slots])).toEqual([]);
    // A permission the admin app does not know opens nothing.
    expect(pluginNavigationLinks('xuhui', desk, [{ ...slots, permission: 'notary.slot.manage' }])).toEqual(
      [],
    );
  });

  it('link a case to its service’s pages, and to none for a service without any', () => {
    const record = { ...slots, pluginId: 'mediation', id: 'case-mediation', path: 'mediation' };
    expect(caseServiceLinks('xuhui', 'c1', desk, [record])).toEqual([
      { key: 'mediation.case-mediation', to: '/t/xuhui/cases/c1/mediation', label: record.label },
    ]);
    expect(caseServiceLinks('xuhui', 'c1', desk, undefined)).toEqual([]);
  });
});
