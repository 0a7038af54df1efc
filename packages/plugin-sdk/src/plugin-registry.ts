import type { z } from 'zod';
import type { LocalizedText } from './localized-text.ts';
import {
  type AdminRoute,
  type AnyPlugin,
  type CatalogueEntry,
  type IntakeData,
  type PermissionDefinition,
  type PluginActivity,
  placementSpace,
} from './plugin-manifest.ts';
import {
  PluginManifestError,
  UnknownPluginError,
  UnknownPluginPermissionError,
} from './plugin-manifest-error.ts';
import { fieldName, manifestIssues, manifestLabel } from './plugin-manifest-schema.ts';
import { SDK_VERSION } from './sdk-version.ts';
import { satisfies } from './semver.ts';

/** A catalogue entry together with the plugin that serves it. */
export interface CatalogueItem extends CatalogueEntry {
  readonly pluginId: string;
  readonly pluginName: LocalizedText;
}

/** An activity together with the plugin that declares it. */
export interface RegisteredActivity {
  readonly pluginId: string;
  readonly activity: PluginActivity;
}

/** An admin screen together with the plugin that contributes it. */
export interface RegisteredAdminRoute extends AdminRoute {
  readonly pluginId: string;
}

/** A field of an intake form that failed validation. */
export interface IntakeFieldError {
  /** Dotted path of the field, e.g. `topic` or `parties.1.role`; empty for a form-level error. */
  readonly field: string;
  readonly message: string;
  /** zod's issue code (`invalid_type`, `too_small`, `custom`…), for the UI to pick its own wording. */
  readonly code: string;
}

/** The outcome of validating intake data against a plugin's form. */
export type IntakeValidation<TData> =
  | { readonly ok: true; readonly data: TData }
  | { readonly ok: false; readonly errors: readonly IntakeFieldError[] };

/** The plugins a deployment ships, validated and indexed by id. */
export interface PluginRegistry<TPlugin extends AnyPlugin = AnyPlugin> {
  /** All plugins in the order they were listed. */
  readonly plugins: readonly TPlugin[];
  /** Whether a plugin with this id is registered. */
  has(pluginId: string): boolean;
  /** The plugin with this id; throws {@link UnknownPluginError} if there is none. */
  get<TId extends TPlugin['id']>(pluginId: TId): Extract<TPlugin, { id: TId }>;
  /** The catalogue entries of the enabled plugins, in registry order; throws on an unknown id. */
  catalogueFor(enabledIds: Iterable<string>): CatalogueItem[];
  /** Every permission the plugins declare, in registry order. */
  permissions(): PermissionDefinition[];
  /** The declared permission with this id; throws {@link UnknownPluginPermissionError} if none declares it. */
  permission(permissionId: string): PermissionDefinition;
  /** Every activity the plugins declare, in registry order; names are unique across the registry. */
  activities(): RegisteredActivity[];
  /** Every admin screen the plugins declare, in registry order; paths are unique per placement. */
  adminRoutes(): RegisteredAdminRoute[];
  /** The time limit in working days for a case of this plugin and category. */
  deadlineFor(pluginId: TPlugin['id'], categoryId: string): number;
  /** Validates intake data with the plugin's own form; errors name the field. */
  validateIntake<TId extends TPlugin['id']>(
    pluginId: TId,
    data: unknown,
  ): IntakeValidation<IntakeData<Extract<TPlugin, { id: TId }>>>;
}

/** What the platform tells the registry about itself. */
export interface PluginRegistryOptions {
  /**
   * The platform's permission ids (`packages/auth`): a plugin permission's `grantedWith` must be
   * one. The SDK cannot import them (a plugin depends on the SDK and zod only), so the composition
   * root passes them; without them `grantedWith` is checked for its shape only.
   */
  readonly platformPermissions?: readonly string[];
}

/**
 * Builds the registry from the plugins listed in the composition root. Refuses, with a
 * `PluginManifestError` naming the plugin and the field, a manifest that is invalid, a second
 * plugin with an id already taken, a plugin whose `sdkVersion` range excludes {@link SDK_VERSION},
 * a permission carried by a platform permission that does not exist, and an admin screen at a
 * path another plugin's screen holds in the same place.
 */
export function createPluginRegistry<const TPlugins extends readonly AnyPlugin[]>(
  plugins: TPlugins,
  options: PluginRegistryOptions = {},
): PluginRegistry<TPlugins[number]> {
  type TPlugin = TPlugins[number];
  const byId = new Map<string, TPlugin>();
  for (const plugin of plugins) {
    const issues = manifestIssues(plugin);
    if (issues.length > 0) throw new PluginManifestError(manifestLabel(plugin), issues);
    if (byId.has(plugin.id)) {
      throw new PluginManifestError(plugin.id, [
        { field: 'id', message: 'is already used by another plugin' },
      ]);
    }
    if (!satisfies(SDK_VERSION, plugin.sdkVersion)) {
      throw new PluginManifestError(plugin.id, [
        { field: 'sdkVersion', message: `"${plugin.sdkVersion}" does not accept this SDK (${SDK_VERSION})` },
      ]);
    }
    refuseClashes(plugin, [...byId.values()]);
    if (options.platformPermissions) refuseUnknownCarriers(plugin, options.platformPermissions);
    byId.set(plugin.id, plugin);
  }

  const get = (pluginId: string): TPlugin => {
    const plugin = byId.get(pluginId);
    if (!plugin) throw new UnknownPluginError(pluginId);
    return plugin;
  };

  return {
    plugins: [...byId.values()],
    has: (pluginId) => byId.has(pluginId),
    get: <TId extends TPlugin['id']>(pluginId: TId) => get(pluginId) as Extract<TPlugin, { id: TId }>,
    catalogueFor(enabledIds) {
      const enabled = new Set(enabledIds);
      for (const pluginId of enabled) get(pluginId);
      return [...byId.values()]
        .filter((plugin) => enabled.has(plugin.id))
        .flatMap((plugin) =>
          plugin.catalogue.map((entry) => ({ ...entry, pluginId: plugin.id, pluginName: plugin.name })),
        );
    },
    permissions: () => [...byId.values()].flatMap((plugin) => plugin.permissions),
    permission(permissionId) {
      for (const plugin of byId.values()) {
        const found = plugin.permissions.find((permission) => permission.id === permissionId);
        if (found) return found;
      }
      throw new UnknownPluginPermissionError(permissionId);
    },
    activities: () =>
      [...byId.values()].flatMap((plugin) =>
        (plugin.activities ?? []).map((activity) => ({ pluginId: plugin.id, activity })),
      ),
    adminRoutes: () =>
      [...byId.values()].flatMap((plugin) =>
        (plugin.adminRoutes ?? []).map((adminRoute) => ({ ...adminRoute, pluginId: plugin.id })),
      ),
    deadlineFor(pluginId, categoryId) {
      const { deadlines } = get(pluginId);
      return deadlines.byCategory?.[categoryId] ?? deadlines.defaultWorkingDays;
    },
    validateIntake<TId extends TPlugin['id']>(pluginId: TId, data: unknown) {
      const result = (get(pluginId).intakeForm as z.ZodObject).safeParse(data);
      if (result.success) {
        return { ok: true, data: result.data as IntakeData<Extract<TPlugin, { id: TId }>> } as const;
      }
      return {
        ok: false,
        errors: result.error.issues.map((issue) => ({
          field: fieldName(issue.path),
          message: issue.message,
          code: issue.code,
        })),
      } as const;
    },
  };
}

/** Refuses a plugin permission whose `grantedWith` is not one of the platform's permissions. */
function refuseUnknownCarriers(plugin: AnyPlugin, platformPermissions: readonly string[]): void {
  const issues = plugin.permissions.flatMap((permission, index) =>
    platformPermissions.includes(permission.grantedWith)
      ? []
      : [
          {
            field: `permissions.${index}.grantedWith`,
            message: `"${permission.grantedWith}" is not a platform permission`,
          },
        ],
  );
  if (issues.length > 0) throw new PluginManifestError(plugin.id, issues);
}

/**
 * Refuses a plugin whose admin screen takes a path another plugin's screen has in the same place:
 * the admin app mounts screens by path, so one would silently shadow the other. (Activity names
 * cannot clash: each starts with its plugin's id, and ids are unique.)
 */
function refuseClashes(plugin: AnyPlugin, earlier: readonly AnyPlugin[]): void {
  (plugin.adminRoutes ?? []).forEach((adminRoute, index) => {
    const owner = earlier.find((other) =>
      other.adminRoutes?.some(
        (r) =>
          r.path === adminRoute.path &&
          r.placement.some((p) => adminRoute.placement.some((q) => placementSpace(p) === placementSpace(q))),
      ),
    );
    if (owner) {
      throw new PluginManifestError(plugin.id, [
        {
          field: `adminRoutes.${index}.path`,
          message: `"${adminRoute.path}" is already a screen of "${owner.id}"`,
        },
      ]);
    }
  });
}
