import { pluginsSwitchedOn } from '@linju/core';
import { pluginIds } from '@linju/plugins';
import { tenantProcedure } from '../../trpc.ts';
import { type AdminScreen, adminScreens } from './admin-screens.ts';
import { installedServices } from './installed.ts';

/**
 * The admin screens the installed plugins declare (`adminRoutes`), for the admin app's links:
 * district pages (`navigation`) of the services switched on somewhere in the district, the
 * district settings they add (`settings`, linked from the settings page), and the pages of a case
 * by its service (`caseService`) — every installed plugin's, so the cases of a service switched
 * off stay workable. With them the installed services' names (as `catalogue.installed` gives
 * them), so the signed-in shell names services in the same one call.
 */
export const screens = tenantProcedure.query(async ({ ctx }) => {
  const on = new Set(await pluginsSwitchedOn(ctx.tx, pluginIds));
  const navigation: AdminScreen[] = [];
  const settings: AdminScreen[] = [];
  const caseService: Record<string, AdminScreen[]> = {};
  for (const { placement, screen } of adminScreens()) {
    if (placement.includes('navigation') && on.has(screen.pluginId)) navigation.push(screen);
    if (placement.includes('settings')) settings.push(screen);
    if (placement.includes('case-service')) {
      caseService[screen.pluginId] = [...(caseService[screen.pluginId] ?? []), screen];
    }
  }
  return { navigation, settings, caseService, services: installedServices() };
});
