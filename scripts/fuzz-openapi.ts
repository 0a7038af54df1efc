/**
 * `npm run fuzz` (and a part of `npm run bench`): the OpenAPI document — REST and the referral
 * exchange — fuzzed longer than `npm test` does, with every schemathesis check, against the real
 * server process on a fresh embedded PostgreSQL and Temporal dev server, all on loopback.
 * Bounded in examples per operation (`--fuzz-examples=N`, 200) and in time (`--fuzz-seconds=S`,
 * 300); `--fuzz-seed=N` replays a run. Prints schemathesis's report and what the run's own
 * assertions found; exits non-zero on any failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUrlFrom, credentials, freePort, startEmbeddedPostgres } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer } from '@linju/infra-temporal';
import { fuzzOpenApi } from '@linju/server/openapi-fuzz';

export type LongFuzzOptions = { maxExamples: number; maxTime: number; seed: number };

/** Runs the long fuzz; answers the problems found (none: an empty list). */
export async function runLongFuzz(options: LongFuzzOptions): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'linju-fuzz-'));
  const [pg, temporal] = await Promise.all([
    startEmbeddedPostgres(join(dir, 'postgres')),
    freePort().then((port) => startTemporalDevServer({ cli: ensureTemporalCli(), port })),
  ]);
  try {
    // The run migrates a database of its own in this cluster, creating the app role with this password.
    const { appPassword } = credentials(join(dir, 'postgres'));
    const report = await fuzzOpenApi(
      {
        databaseUrl: appUrlFrom(pg.ownerUrl, appPassword),
        ownerDatabaseUrl: pg.ownerUrl,
        temporalAddress: temporal.address,
      },
      { checks: ['all'], ...options },
    );
    process.stdout.write(report.output);
    const problems: string[] = [];
    if (report.exitCode !== 0) problems.push(`schemathesis found failures (exit ${report.exitCode})`);
    for (const a of report.answers) {
      if (a.status >= 500) problems.push(`${a.method} ${a.path} answered ${a.status}`);
      if (a.path.startsWith('/federation/') && !a.signed && a.status !== 401 && a.status !== 405)
        problems.push(`unsigned ${a.method} ${a.path} answered ${a.status}, not 401`);
    }
    const accepted = report.answers.filter(
      (a) => a.method !== 'GET' && a.method !== 'HEAD' && a.status < 300,
    );
    for (const t of report.changedTables) {
      // Checked signatures leave their nonce (kept against replays); anything else needs an accepted write.
      if (t.table !== 'public.federation_nonce' && accepted.length === 0)
        problems.push(`${t.table} went from ${t.before} to ${t.after} rows with no request accepted`);
    }
    process.stdout.write(
      `\nOpenAPI fuzz: ${report.answers.length} requests (${report.answers.filter((a) => a.signed).length} signed by a pinned peer), ${accepted.length} writes accepted, ${problems.length} problems\n`,
    );
    return problems;
  } finally {
    await Promise.all([temporal.stop(), pg.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const option = (name: string, fallback: number) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};

/** The long run with the command line's bounds. */
export const runLongFuzzFromArgs = () =>
  runLongFuzz({
    maxExamples: option('fuzz-examples', 200),
    maxTime: option('fuzz-seconds', 300),
    seed: option('fuzz-seed', 14),
  });

if (import.meta.main) {
  const problems = await runLongFuzzFromArgs();
  for (const p of problems) process.stderr.write(`✖ ${p}\n`);
  process.exit(problems.length > 0 ? 1 : 0);
}
