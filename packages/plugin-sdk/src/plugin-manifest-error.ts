/** One thing wrong with a manifest: the field (dotted path, e.g. `permissions.2.dependsOn`) and why. */
export interface PluginManifestIssue {
  readonly field: string;
  readonly message: string;
}

/** A plugin that cannot be loaded: its manifest is invalid, its id taken, or its SDK range unmet. */
export class PluginManifestError extends Error {
  override readonly name = 'PluginManifestError';
  /** The plugin's id, or `(unknown)` when the manifest has no usable id. */
  readonly pluginId: string;
  readonly issues: readonly PluginManifestIssue[];

  constructor(pluginId: string, issues: readonly PluginManifestIssue[]) {
    super(
      `Plugin "${pluginId}": ${issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')}`,
    );
    this.pluginId = pluginId;
    this.issues = issues;
  }
}

/** Asked for a plugin the registry does not hold. */
export class UnknownPluginError extends Error {
  override readonly name = 'UnknownPluginError';
  readonly pluginId: string;

  constructor(pluginId: string) {
    super(`Unknown plugin "${pluginId}"`);
    this.pluginId = pluginId;
  }
}

/** Asked for a permission no registered plugin declares (a procedure naming a permission by mistake). */
export class UnknownPluginPermissionError extends Error {
  override readonly name = 'UnknownPluginPermissionError';
  readonly permissionId: string;

  constructor(permissionId: string) {
    super(`No installed plugin declares the permission "${permissionId}"`);
    this.permissionId = permissionId;
  }
}
