import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageKey } from '@linju/i18n';
// The composition root merges the installed plugins' messages into the catalogue as it loads.
import '@linju/plugins';
import { describe, expect, it } from 'vitest';

/**
 * Every error the server can answer with is a message key the admin app can show in the person's
 * language: each key thrown or declared in the domain, API and plugin code is in the zh-CN and en
 * catalogues (the plugins' own keys as their composition root merges them in).
 */
const root = join(import.meta.dirname, '..', '..', '..');
const sources = [
  'packages/core/src',
  'packages/api/src',
  'packages/plugin-sdk/src/form-description.ts',
  // The plugins' own rules answer with message keys too (PluginRuleError, zod messages).
  ...readdirSync(join(root, 'plugins'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((plugin) => `plugins/${plugin.name}/src`),
];

function files(path: string): string[] {
  const full = join(root, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(path, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.includes('.test.') && entry.name !== 'test-context.ts'
        ? [join(full, entry.name)]
        : [],
  );
}

const PATTERNS = [
  /(?:DomainError|PluginRuleError)\(\s*'[a-z-]+',\s*'([a-z_]+\.[a-z_.]+)'/g,
  /message:\s*'([a-z_]+\.[a-z_.]+)'/g,
];

const keys = new Set<string>();
for (const file of sources.flatMap(files)) {
  const text = readFileSync(file, 'utf8');
  for (const pattern of PATTERNS)
    for (const match of text.matchAll(pattern)) if (match[1]) keys.add(match[1]);
}

describe('error messages of the API', () => {
  it('are found in the code (the scan is not vacuous)', () => {
    expect(keys.size).toBeGreaterThan(50);
    expect(keys).toContain('auth.invalid_credentials');
  });

  it.each([...keys].sort())('%s is in both catalogues', (key) => {
    expect(isMessageKey(key)).toBe(true);
  });
});
