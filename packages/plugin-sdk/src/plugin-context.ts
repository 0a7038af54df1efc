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
 * database handle: a plugin reaches data only through capabilities the platform adds here, so the
 * platform keeps tenant isolation and auditing in one place.
 */
export interface PluginContext {
  /** The tenant (district justice bureau) the hook runs for. */
  readonly tenantId: string;
  /** A logger already tagged with the tenant and the plugin. */
  readonly logger: PluginLogger;
}
