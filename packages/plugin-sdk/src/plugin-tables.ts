/**
 * One migration of a plugin's own tables: plain SQL, applied once, in name order, in a
 * transaction of its own, after the core migrations.
 */
export interface PluginMigration {
  /** `0001_booking_slots`: four digits, then snake_case; the order they run in. */
  readonly name: string;
  readonly sql: string;
}

/** A migration's name: a four-digit sequence number and a snake_case description. */
export const MIGRATION_NAME = /^\d{4}_[a-z0-9]+(?:_[a-z0-9]+)*$/;

/**
 * The prefix every table of a plugin starts with: the id with hyphens as underscores, then an
 * underscore (`notary` → `notary_`, `legal-aid` → `legal_aid_`). Two plugins cannot share a
 * prefix because ids are unique and kebab-case (so `a-b` and `a_b` cannot both exist).
 */
export const tablePrefixOf = (pluginId: string) => `${pluginId.replaceAll('-', '_')}_`;

/**
 * The database role a plugin's queries run as: granted its own tables only, so a plugin cannot
 * read a core table (residents, cases) even with hand-written SQL.
 */
export const pluginRoleOf = (pluginId: string) => `linju_plugin_${pluginId.replaceAll('-', '_')}`;

// Statements that name the table they change, create, fill or read from in a way a migration
// may not do to another owner's table. `REFERENCES x` (a foreign key to a core table) is allowed:
// it reads nothing and changes nothing there.
const TOUCHING = [
  /\bcreate\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?("?[\w.]+"?)/gi,
  /\balter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?("?[\w.]+"?)/gi,
  /\bdrop\s+table\s+(?:if\s+exists\s+)?("?[\w.]+"?)/gi,
  /\btruncate\s+(?:table\s+)?(?:only\s+)?("?[\w.]+"?)/gi,
  /\binsert\s+into\s+("?[\w.]+"?)/gi,
  /\bupdate\s+(?:only\s+)?("?[\w.]+"?)\s+set\b/gi,
  /\bdelete\s+from\s+(?:only\s+)?("?[\w.]+"?)/gi,
  /\bcreate\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:"?\w+"?\s+)?on\s+(?:only\s+)?("?[\w.]+"?)/gi,
  /\b(?:create|alter|drop)\s+policy\s+(?:if\s+exists\s+)?"?\w+"?\s+on\s+("?[\w.]+"?)/gi,
  /\bcreate\s+(?:or\s+replace\s+)?(?:view|sequence|type|function)\s+(?:if\s+not\s+exists\s+)?("?[\w.]+"?)/gi,
  /\bcreate\s+trigger\s+"?\w+"?\s+(?:before|after|instead\s+of)\s+[\w\s,]+?\s+on\s+("?[\w.]+"?)/gi,
];

/** Statements a plugin migration may never contain: rights and roles are the platform's. */
const FORBIDDEN = [/\bgrant\b/i, /\brevoke\b/i, /\b(?:create|alter|drop)\s+role\b/i, /\bset\s+role\b/i];

const unquote = (name: string) => {
  const bare = name.replaceAll('"', '');
  return bare.startsWith('public.') ? bare.slice('public.'.length) : bare;
};

/** SQL without comments and string literals, so a table name inside either is not mistaken for one. */
const stripCommentsAndStrings = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");

/**
 * What is wrong with a plugin migration, empty when nothing is: a statement touching a table
 * (or index, view, type…) whose name lacks the plugin's prefix, a name in another schema, or a
 * statement about rights and roles. Row-level security, grants and the tenant policy are added
 * by the platform's runner, not written by the plugin.
 */
export function migrationProblems(pluginId: string, sql: string): string[] {
  const prefix = tablePrefixOf(pluginId);
  const text = stripCommentsAndStrings(sql);
  const problems: string[] = [];
  for (const pattern of FORBIDDEN) {
    const match = text.match(pattern);
    if (match) problems.push(`may not contain "${match[0]}": rights and roles are set by the platform`);
  }
  // In the order the statements come, each name once.
  const found = TOUCHING.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => ({ at: match.index, name: unquote(match[1] ?? '') })),
  ).sort((a, b) => a.at - b.at);
  for (const name of new Set(found.map((f) => f.name))) {
    if (name.includes('.')) problems.push(`touches "${name}" outside the public schema`);
    else if (!name.startsWith(prefix)) {
      problems.push(
        `touches table "${name}", which is not one of the plugin's (names start with "${prefix}")`,
      );
    }
  }
  return problems;
}

/**
 * Reads a plugin's migrations from a folder of `NNNN_name.sql` files, in name order. Call it with a
 * URL relative to the plugin's module: `readMigrations(new URL('../migrations', import.meta.url))`.
 */
export function readMigrations(folder: URL | string): PluginMigration[] {
  // Node's modules are fetched here, not imported: a plugin's screens reach this module's siblings
  // in the browser, where there is no file system (and no migration is ever read).
  const { readdirSync, readFileSync } = process.getBuiltinModule('node:fs');
  const { join } = process.getBuiltinModule('node:path');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const path = folder instanceof URL ? fileURLToPath(folder) : folder;
  return readdirSync(path)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.sql'.length), sql: readFileSync(join(path, file), 'utf8') }));
}

/** The migrations of one plugin as the platform's runner takes them (`migrate(…, { plugins })`). */
export interface PluginMigrationSet {
  readonly pluginId: string;
  readonly tablePrefix: string;
  readonly role: string;
  readonly migrations: readonly PluginMigration[];
}

/** The migration sets of the listed plugins, in their order; plugins without tables are left out. */
export function pluginMigrationSets(
  plugins: readonly { readonly id: string; readonly migrations?: readonly PluginMigration[] }[],
): PluginMigrationSet[] {
  return plugins
    .filter((plugin) => (plugin.migrations?.length ?? 0) > 0)
    .map((plugin) => ({
      pluginId: plugin.id,
      tablePrefix: tablePrefixOf(plugin.id),
      role: pluginRoleOf(plugin.id),
      migrations: plugin.migrations ?? [],
    }));
}
