import type { LocalizedText } from '@linju/plugin-sdk';
import { pluginRegistry } from '@linju/plugins';

export type AdminScreen = {
  pluginId: string;
  id: string;
  path: string;
  label: LocalizedText;
  permission: string;
};

/**
 * The admin screens the installed plugins declare (`adminRoutes`), each with its placements. The
 * permission is the link's; each page's procedures check their own.
 */
export const adminScreens = () =>
  pluginRegistry.adminRoutes().map((route) => ({
    placement: route.placement,
    screen: {
      pluginId: route.pluginId,
      id: route.id,
      path: route.path,
      label: route.label,
      permission: route.permission,
    } satisfies AdminScreen,
  }));

/**
 * The knowledge tools under every case (placement `case-tools`) of the knowledge plugins in
 * `switchedOn` (those on at the case's unit), in registry order.
 */
export const caseToolScreens = (switchedOn: readonly string[], screens = adminScreens()): AdminScreen[] =>
  screens
    .filter(
      ({ placement, screen }) => placement.includes('case-tools') && switchedOn.includes(screen.pluginId),
    )
    .map(({ screen }) => screen);

/** The pages of a case of `serviceType` (placement `case-service`), whether or not the service is on now. */
export const caseServiceScreens = (serviceType: string): AdminScreen[] =>
  adminScreens()
    .filter(({ placement, screen }) => placement.includes('case-service') && screen.pluginId === serviceType)
    .map(({ screen }) => screen);
