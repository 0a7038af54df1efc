import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginRegistry } from './index.ts';

/**
 * Issue #16's wall, kept: the platform (core, the API, the admin app) names no installed plugin's
 * id and no table of a plugin — a service's behaviour lives in its plugin, the platform offers
 * capabilities and takes what it needs from the registry. Words spelt like a plugin id that are the
 * platform's own (the referral kind `legal-aid`, the role `notary`, the activity measure
 * `consultation`, the joint-consultation timeline entry) live in `@linju/vocabulary` and are
 * referred to through it.
 */
const root = join(import.meta.dirname, '../../..');
const PLATFORM = ['packages/core', 'packages/api', 'apps/admin'];
const NOT_SOURCE = new Set(['node_modules', '.react-router', 'build', 'dist', '.turbo']);

/** A plugin id as code names it: quoted, or as a path or key segment (`'notary'`, `/notary/`, `.notary.`). */
const idPattern = (id: string) => new RegExp(`['"\`/.]${id.replaceAll('-', '\\-')}['"\`/.]`);

/** The tables the plugins' migrations create. */
const pluginTables = pluginRegistry.plugins.flatMap((plugin) =>
  (plugin.migrations ?? []).flatMap((migration) =>
    [
      ...migration.sql.matchAll(/\bcreate\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?/gi),
    ].map(([, table]) => table?.toLowerCase() ?? ''),
  ),
);

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_SOURCE.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Every `path: line` of the platform naming a plugin id or a plugin table. */
function platformLinesNamingPlugins() {
  const patterns = [
    ...pluginRegistry.plugins.map((plugin) => idPattern(plugin.id)),
    ...pluginTables.map((table) => new RegExp(`\\b${table}\\b`, 'i')),
  ];
  const hits: string[] = [];
  for (const folder of PLATFORM) {
    for (const file of filesUnder(join(root, folder))) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('\u0000')) continue; // not text
      for (const line of text.split('\n')) {
        if (patterns.some((pattern) => pattern.test(line)))
          hits.push(`${relative(root, file)}: ${line.trim()}`);
      }
    }
  }
  return hits;
}

describe('the platform names no plugin', () => {
  it('knows what to look for: every installed plugin, and the tables their migrations create', () => {
    expect(pluginRegistry.plugins.length).toBeGreaterThan(0);
    expect(pluginTables.length).toBeGreaterThan(0);
    for (const { id } of pluginRegistry.plugins) {
      expect([`'${id}'`, `"${id}.page"`, `/t/x/${id}/slots`].every((line) => idPattern(id).test(line))).toBe(
        true,
      );
      // A longer word containing the id is another word.
      expect(idPattern(id).test(`'lawyer-after-${id}'`)).toBe(false);
    }
  });

  it('finds no plugin id or plugin table in core, the API or the admin app', () => {
    expect(platformLinesNamingPlugins()).toEqual([]);
  });
});
