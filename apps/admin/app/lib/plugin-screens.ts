import { allowsAnywhere, PERMISSIONS, type Permission, type RoleGrant } from './permissions.ts';
import { tenantPaths } from './tenant-paths.ts';

/** A screen a plugin declares (`adminRoutes` in its manifest), as `catalogue.screens` answers it. */
export type PluginScreen = {
  pluginId: string;
  id: string;
  /** Below the district (`navigation`) or below a case (`case-service`, `case-tools`). */
  path: string;
  label: { 'zh-CN': string; en: string };
  permission: string;
};

/** A link to a plugin's screen, ready for the page: where it goes and what it says in each language. */
export type PluginLink = { key: string; to: string; label: PluginScreen['label'] };

const isPermission = (value: string): value is Permission => Object.hasOwn(PERMISSIONS, value);

/** Whether the person's roles open the screen somewhere in the tree (a convenience: its page checks again). */
const opens = (grants: readonly RoleGrant[], screen: PluginScreen) =>
  isPermission(screen.permission) && allowsAnywhere(grants, screen.permission);

/** The navigation's links to the district pages of the services switched on, as far as the roles open them. */
export function pluginNavigationLinks(
  slug: string,
  grants: readonly RoleGrant[],
  screens: readonly PluginScreen[],
): PluginLink[] {
  return screens
    .filter((screen) => opens(grants, screen))
    .map((screen) => ({
      key: `${screen.pluginId}.${screen.id}`,
      to: `${tenantPaths.home(slug)}/${screen.path}`,
      label: screen.label,
    }));
}

/** The links from a case to its service's own pages (mediation record, notary booking…). */
export function caseServiceLinks(
  slug: string,
  caseId: string,
  grants: readonly RoleGrant[],
  screens: readonly PluginScreen[] | undefined,
): PluginLink[] {
  return (screens ?? [])
    .filter((screen) => opens(grants, screen))
    .map((screen) => ({
      key: `${screen.pluginId}.${screen.id}`,
      to: `${tenantPaths.case(slug, caseId)}/${screen.path}`,
      label: screen.label,
    }));
}
