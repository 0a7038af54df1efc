import { pluginsSwitchedOn } from '@linju/core';
import type { LocalizedText } from '@linju/plugin-sdk';
import { pluginIds, pluginRegistry } from '@linju/plugins';
import { tenantProcedure } from '../../trpc.ts';

type Screen = { pluginId: string; id: string; path: string; label: LocalizedText; permission: string };

/**
 * The admin screens the installed plugins declare (`adminRoutes`), for the admin app's links:
 * district pages (`navigation`) of the services switched on somewhere in the district, and the
 * pages of a case by its service (`caseService`) — every installed plugin's, so the cases of a
 * service switched off stay workable. The permission is the link's; each page's procedures check their own.
 */
export const screens = tenantProcedure.query(async ({ ctx }) => {
  const on = new Set(await pluginsSwitchedOn(ctx.tx, pluginIds));
  const navigation: Screen[] = [];
  const caseService: Record<string, Screen[]> = {};
  for (const route of pluginRegistry.adminRoutes()) {
    const screen = {
      pluginId: route.pluginId,
      id: route.id,
      path: route.path,
      label: route.label,
      permission: route.permission,
    };
    if (route.placement.includes('navigation') && on.has(route.pluginId)) navigation.push(screen);
    if (route.placement.includes('case-service')) {
      caseService[route.pluginId] = [...(caseService[route.pluginId] ?? []), screen];
    }
  }
  return { navigation, caseService };
});
