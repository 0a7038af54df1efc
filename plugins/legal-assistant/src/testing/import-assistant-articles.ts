import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = new URL('../../../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, repo));

/**
 * Test-only: loads the statute library's real articles for the assistant's tests
 * (`packages/statutes/src/testing/assistant-articles.jsonl`) the way an operator does, with
 * `linju statutes import`, into the database `env` names (`DATABASE_URL`, or a running demo stack's
 * `LINJU_DATA_DIR`). Through the CLI: a plugin depends on nothing that writes the library.
 */
export async function importAssistantArticles(env: Readonly<Record<string, string>>) {
  await promisify(execFile)(
    process.execPath,
    [
      at('apps/cli/src/main.ts'),
      'statutes',
      'import',
      at('packages/statutes/src/testing/assistant-articles.jsonl'),
    ],
    { env: { ...process.env, ...env } },
  );
}
