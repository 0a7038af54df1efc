import type { PluginDb } from './plugin-db.ts';

/** Structured log fields; the platform adds the tenant, plugin and request. */
export type LogFields = Readonly<Record<string, unknown>>;

/** The logger a plugin writes to. */
export interface PluginLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * What the platform hands a plugin hook. It is scoped to one tenant and deliberately holds no
 * database: a plugin reaches data only through capabilities the platform adds here, so the
 * platform keeps tenant isolation and auditing in one place.
 */
export interface PluginContext {
  /** The tenant (district justice bureau) the hook runs for. */
  readonly tenantId: string;
  /** A logger already tagged with the tenant and the plugin. */
  readonly logger: PluginLogger;
}

/**
 * What a plugin's activities and workflow hooks get: the {@link PluginContext} plus the plugin's
 * data handle. The worker opens one tenant transaction per call; what the plugin writes commits
 * with the platform's own effect (a referral's outcome) or not at all.
 */
export interface PluginTaskContext extends PluginContext {
  /**
   * The plugin's data handle, inside the tenant transaction the platform opened for this call
   * (RLS binds it to `tenantId`; it runs as the plugin's own role, on the plugin's tables only).
   */
  readonly db: PluginDb;
}
