import type { z } from 'zod';
import type { PluginManifest } from './plugin-manifest.ts';
import { assertValidManifest } from './plugin-manifest-schema.ts';
import type { PluginProcedures } from './procedures.ts';

/**
 * Declares a service plugin. At compile time it keeps the literal id and the intake form's type,
 * so hooks receive the form's parsed type; at run time it validates the manifest and throws a
 * `PluginManifestError` naming the plugin and every bad field. Returns the manifest unchanged.
 *
 * The SDK compatibility of `sdkVersion` is checked by the registry, where plugins are loaded.
 */
export function definePlugin<
  const TId extends string,
  TForm extends z.ZodObject,
  TProcedures extends PluginProcedures = Record<never, never>,
>(manifest: PluginManifest<TForm, TId, TProcedures>): PluginManifest<TForm, TId, TProcedures> {
  assertValidManifest(manifest);
  return manifest;
}
