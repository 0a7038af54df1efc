/**
 * The upgrade rule for migrations (docs/operations.md, "Upgrade"): a release's migrations only
 * expand, so the previous release keeps running against the migrated database while servers and
 * workers are replaced one by one. What the previous release may still read or write — a table, a
 * column, its name, its type, its nullability — is removed or narrowed one release later, in a
 * statement marked `-- contract: <why>` saying why no running code uses it any more.
 */
const CONTRACTING: { pattern: RegExp; what: string }[] = [
  {
    pattern: /\bdrop\s+(table|column|type|view|schema|function)\b/i,
    what: 'drops what the previous release uses',
  },
  { pattern: /\brename\b/i, what: 'renames what the previous release uses' },
  { pattern: /\balter\s+column\s+"?\w+"?\s+(set\s+data\s+)?type\b/i, what: 'changes a column type' },
  {
    pattern: /\bset\s+not\s+null\b/i,
    what: 'makes a column NOT NULL (add nullable, backfill, constrain a release later)',
  },
  {
    pattern: /\badd\s+column\b(?![^;]*\bdefault\b)[^;]*\bnot\s+null\b/i,
    what: 'adds a NOT NULL column without a default (the previous release inserts without it)',
  },
];

const MARKER = /--[ \t]*contract:[ \t]*\S/i;

export type ContractViolation = { statement: string; what: string };

/** Statements of a migration that contract the schema without a `-- contract: <why>` marker. */
export function unmarkedContractions(migrationSql: string): ContractViolation[] {
  return migrationSql
    .split(/;\s*(?:-->\s*statement-breakpoint)?\s*\n|-->\s*statement-breakpoint/)
    .flatMap((statement) => {
      const code = statement.replace(/--.*$/gm, '');
      const found = CONTRACTING.find(({ pattern }) => pattern.test(code));
      if (!found || MARKER.test(statement)) return [];
      return [{ statement: code.trim().replace(/\s+/g, ' ').slice(0, 160), what: found.what }];
    });
}
