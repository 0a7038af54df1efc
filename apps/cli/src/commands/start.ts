import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  isProduction,
  OWNER_SETTINGS,
  RUNTIME_SETTINGS,
  requireProductionSettings,
} from '@linju/db/deployment-mode';
import { freePort, runningEmbeddedPostgres, SetupError } from '@linju/db/embedded';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { DEMO_CITY, DEMO_PASSWORD, DEMO_TENANT } from '../seed/demo-logins.ts';
import { externalDatabaseUrl, openDatabase, withDatabaseUrls } from '../stack/database.ts';
import { NODE_FLAGS } from '../stack/node-flags.ts';
import { dataDir, repoRoot } from '../stack/paths.ts';
import { progress } from '../stack/progress.ts';
import { importStatutesInBackground, statuteImportWanted } from '../stack/statute-import.ts';

const TEMPORAL_DEFAULT_PORT = 7233;

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  stopping: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping()) return new Promise(() => {}); // another failure is already stopping everything
    if (child.exitCode !== null)
      throw new SetupError('The API server exited during start-up.', 'See its log lines above.');
    try {
      const response = await fetch(url);
      if (response.status < 500 || response.status === 503) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new SetupError(
    `The API server did not answer at ${url} within ${timeoutMs / 1000} s.`,
    'See its log lines above.',
  );
}

async function portIsFree(port: number): Promise<boolean> {
  return (await freePort(port)) === port;
}

/**
 * `linju start`: the whole stack on embedded defaults — PostgreSQL, the Temporal dev server,
 * migrations, the demo district on first run, the admin app build, then the API server and the
 * worker as child processes. Ctrl-C (or SIGTERM) stops all of it, children first.
 * The demo (logins sharing a published password) goes only into the embedded database, or an
 * external one with `--demo`; never in production, which starts only with every setting given.
 */
export async function start(args: string[] = []): Promise<void> {
  const dir = dataDir();
  const port = Number(process.env.PORT ?? 3000);
  const externalTemporal = process.env.TEMPORAL_ADDRESS;
  const steps = progress(6);
  const cleanups: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  async function stopAll(code: number) {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Linju…\n');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    process.stdout.write('Stopped.\n');
    process.exit(code);
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGHUP', () => void stopAll(0));

  try {
    const production = isProduction();
    requireProductionSettings([...OWNER_SETTINGS, ...RUNTIME_SETTINGS]);
    if (production && args.includes('--demo'))
      throw new SetupError(
        'Production mode (LINJU_ENV=production) never seeds the demo.',
        'Leave out --demo; set the deployment up with linju init.',
      );
    const external = externalDatabaseUrl();
    const demo = !production && (!external || args.includes('--demo'));
    if (!(await portIsFree(port))) {
      throw new SetupError(
        `Port ${port} is already in use.`,
        `Stop what uses it, or start on another port: PORT=3100 npm start`,
      );
    }

    // Operator commands join a running stack's PostgreSQL; a second stack must not: it would run a
    // second Temporal dev server on the same SQLite file.
    if (!external && runningEmbeddedPostgres(dir))
      throw new SetupError(
        `Linju is already running on this data (${dir}): one stack per data folder.`,
        'Operator commands work beside it (npm run linju -- <command>); for a second stack set LINJU_DATA_DIR to another folder.',
      );
    steps.step(
      external
        ? 'Using the PostgreSQL of DATABASE_URL'
        : `Starting PostgreSQL (data in ${join(dir, 'postgres')})`,
    );
    const database = await openDatabase(dir);
    if (database.embedded) cleanups.push(() => database.embedded?.stop() ?? Promise.resolve());

    let temporalAddress = externalTemporal ?? '';
    if (externalTemporal) {
      steps.step(`Using the Temporal server at ${externalTemporal}`);
    } else {
      steps.step(`Starting the Temporal dev server (data in ${join(dir, 'temporal.db')})`);
      const cli = ensureTemporalCli((message) => steps.note(message));
      const temporalPort = (await portIsFree(TEMPORAL_DEFAULT_PORT))
        ? TEMPORAL_DEFAULT_PORT
        : await freePort();
      const temporal: TemporalDevServer = await startTemporalDevServer({
        cli,
        port: temporalPort,
        dbFile: join(dir, 'temporal.db'),
      });
      cleanups.push(() => temporal.stop());
      temporalAddress = temporal.address;
    }

    // In a child process: what migrating and seeding load (drizzle, argon2, the domain) then leaves
    // with it, and this supervisor stays small for the hours it runs.
    steps.step(
      demo
        ? 'Applying database migrations and seeding the demo district (first run only)'
        : 'Applying database migrations (no demo: it is seeded into an external database only with --demo)',
    );
    const setup = spawnSync(
      process.execPath,
      [join(repoRoot, 'apps', 'cli', 'src', 'main.ts'), demo ? 'seed' : 'migrate'],
      {
        stdio: 'inherit',
        env: {
          ...withDatabaseUrls(process.env, {
            DATABASE_URL: database.ownerUrl,
            DATABASE_APP_URL: database.appUrl,
          }),
          LINJU_DATA_DIR: dir,
          // The seed points the demo district at its city on "this node", whose id follows the port.
          PORT: String(port),
        },
      },
    );
    if (setup.status !== 0)
      throw new SetupError('Migrating or seeding the database failed.', 'See the lines above.');

    steps.step('Building the admin app (cached after the first run)');
    const build = spawnSync('turbo', ['run', 'build', '--filter=@linju/admin', '--output-logs=errors-only'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0)
      throw new SetupError('Building the admin app failed.', 'See the build output above.');

    steps.step('Starting the API server and the Temporal worker');
    const workerHealthPort = Number(process.env.LINJU_WORKER_HEALTH_PORT ?? (await freePort()));
    const env = {
      ...withDatabaseUrls(process.env, { DATABASE_APP_URL: database.appUrl }),
      // On this machine only: Prometheus on the same laptop reads /metrics without a token.
      LINJU_METRICS_ALLOW: process.env.LINJU_METRICS_ALLOW ?? '127.0.0.1,::1',
      LINJU_WORKER_HEALTH_PORT: String(workerHealthPort),
      PORT: String(port),
      TEMPORAL_ADDRESS: temporalAddress,
      LINJU_DATA_DIR: dir,
      // A restart with the workflow code unchanged skips webpack (apps/worker/src/workflow-bundle.ts).
      LINJU_WORKFLOW_BUNDLE_CACHE:
        process.env.LINJU_WORKFLOW_BUNDLE_CACHE ?? join(dir, 'workflow-bundle.json'),
    };
    for (const app of ['server', 'worker']) {
      const child = spawn(process.execPath, [...NODE_FLAGS, join(repoRoot, 'apps', app, 'src', 'main.ts')], {
        env,
        stdio: 'inherit',
      });
      child.on('exit', (code, signal) => {
        if (stopping) return;
        process.stderr.write(
          `The ${app} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.\n`,
        );
        void stopAll(1);
      });
      children.push(child);
    }
    const url = process.env.LINJU_PUBLIC_URL ?? `http://localhost:${port}`;
    await waitForHealth(
      `http://127.0.0.1:${port}/api/v1/health`,
      children[0] as ChildProcess,
      60_000,
      () => stopping,
    );
    if (statuteImportWanted(process.env)) {
      steps.note(
        'Loading the statute library in the background if it is empty (LINJU_STATUTES_IMPORT=off skips it)',
      );
      children.push(importStatutesInBackground(database.ownerUrl, dir, () => stopping));
    }

    steps.step('Ready');
    if (!demo) {
      process.stdout.write(
        `\n  Linju is running at ${url}\n  First time? Create the platform operator: linju init <user> <name> (password on stdin); see docs/operations.md.\n  Press Ctrl-C to stop.\n\n`,
      );
      return;
    }
    process.stdout.write(
      [
        '',
        `  Linju is running at ${url}`,
        `  Demo district:      ${url}/t/${DEMO_TENANT}/login`,
        `  Residents' site:    ${url}/t/${DEMO_TENANT}/public`,
        `  Demo logins (password ${DEMO_PASSWORD}):`,
        '    desk       front-desk officer (no second factor)',
        '    mediator   people’s mediator at a street station',
        '    court      partner user at the district court',
        '    admin      bureau administrator: enrols a TOTP app and chooses a new password at first sign-in',
        '  Others: director, station, lawyer, notary, legalaid, appraiser, publicity, volunteer, inspector, appraisal-institute',
        `  City bureau:        ${url}/t/${DEMO_CITY}/login`,
        '    admin      city bureau administrator (TOTP at first sign-in): the districts side by side under 统计',
        '               once the district’s admin sends a month from 统计 → 上报市局',
        `  Health:             ${url}/api/v1/health/ready  (metrics: http://127.0.0.1:${port}/metrics)`,
        `  Worker health:      http://127.0.0.1:${workerHealthPort}/health/ready  (metrics: /metrics)`,
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (error instanceof SetupError || (error instanceof Error && error.name === 'SetupError')) {
      process.stderr.write(`✖ ${error.message}\n  → ${(error as SetupError).hint}\n`);
    } else {
      process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    await stopAll(1);
  }
}
