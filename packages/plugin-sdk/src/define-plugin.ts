import type { z } from 'zod';
import type { PluginManifest } from './plugin-manifest.ts';
import { assertValidManifest } from './plugin-manifest-schema.ts';
import type { PluginProcedures } from './procedures.ts';

/**
 * Declares a service plugin. At compile time it keeps the literal id, the intake form's type (so
 * hooks receive the form's parsed type) and the message keys; at run time it validates the manifest and throws a
 * `PluginManifestError` naming the plugin and every bad field. Returns the manifest unchanged.
 *
 * The SDK compatibility of `sdkVersion` is checked by the registry, where plugins are loaded.
 */
export function definePlugin<
  const TId extends string,
  TForm extends z.ZodObject,
  TProcedures extends PluginProcedures = Record<never, never>,
  // A plugin without messages adds no key (the default would widen the app's keys to any string).
  TMessageKey extends string = never,
>(
  manifest: PluginManifest<TForm, TId, TProcedures, TMessageKey>,
): PluginManifest<TForm, TId, TProcedures, TMessageKey> {
  assertValidManifest(manifest);
  return manifest;
}
