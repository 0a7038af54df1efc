import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AdminRoutePlacement, placementSpace } from '@linju/plugin-sdk';
import { PERMISSIONS } from './permissions.ts';

/** What `routes.ts` needs of a declared screen (the registry's `adminRoutes()` entries). */
export type DeclaredScreen = {
  pluginId: string;
  id: string;
  path: string;
  /** A route module of the admin app serving it; without one, the plugin's own screen, in the host of its place. */
  module?: string | undefined;
  permission: string;
  placement: readonly AdminRoutePlacement[];
};

/** The route modules hosting the plugins' own screens (`@linju/plugins/admin`), one for each place. */
export const SCREEN_HOSTS = {
  'case-service': 'routes/case-service.tsx',
  'case-tools': 'routes/case-service.tsx',
  navigation: 'routes/district-service.tsx',
  settings: 'routes/district-service.tsx',
} as const;

/** One route of the admin app: its URL pattern, module file (relative to `app/`) and id. */
export type PluginRouteEntry = { path: string; file: string; id: string };

/** A declared screen the admin app cannot serve: named with the plugin, the screen and what is missing. */
export class PluginScreenError extends Error {
  override readonly name = 'PluginScreenError';
}

/**
 * The admin app's routes for the screens the installed plugins declare: `case-service` and
 * `case-tools` below a case (`t/:tenant/cases/:id/<path>`), `navigation` and `settings` below the district
 * (`t/:tenant/<path>`). A plugin's own screen is served by the host of its place, under a route id
 * of its own (`plugin.<plugin id>.<screen id>.<place>`). Run when React Router reads `routes.ts`
 * (build, dev, typegen), so a declaration whose module is not in `app/routes`, or whose permission
 * the platform does not know, stops the build, naming it.
 */
export function pluginRouteEntries(screens: readonly DeclaredScreen[], appDir: string): PluginRouteEntry[] {
  return screens.flatMap((screen) => {
    const where = `Plugin "${screen.pluginId}", admin route "${screen.id}"`;
    const file = screen.module
      ? [`routes/${screen.module}.tsx`, `routes/${screen.module}.ts`].find((candidate) =>
          existsSync(join(appDir, candidate)),
        )
      : undefined;
    if (screen.module && !file) {
      throw new PluginScreenError(
        `${where}: module "${screen.module}" is not in apps/admin/app/routes (expected ${screen.module}.tsx)`,
      );
    }
    if (!Object.hasOwn(PERMISSIONS, screen.permission)) {
      throw new PluginScreenError(`${where}: permission "${screen.permission}" is not one of the platform's`);
    }
    return screen.placement.map((placement) => ({
      path:
        placementSpace(placement) === 'case'
          ? `t/:tenant/cases/:id/${screen.path}`
          : `t/:tenant/${screen.path}`,
      file: file ?? SCREEN_HOSTS[placement],
      id: !file
        ? `plugin.${screen.pluginId}.${screen.id}.${placement}`
        : // A module mounted in both places needs two route ids; one place keeps the file's own.
          screen.placement.length > 1
          ? `${file.replace(/\.tsx?$/, '')}-${placement}`
          : file.replace(/\.tsx?$/, ''),
    }));
  });
}
