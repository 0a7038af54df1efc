/**
 * The whole-deployment test (issue 15): two servers and two workers in production mode on one
 * PostgreSQL and one Temporal, behind nginx, two districts on their own host names (Xuhui under
 * the platform's suffix, Minhang on a custom domain). Desk officers of both take intakes and send
 * referrals to each other's court through the proxy while one server and one worker are killed
 * (SIGKILL) and restarted. Then: nothing answered is lost, nothing happened twice, no answer
 * carried another district's data, both audit chains verify, and sign-in throttling is keyed on
 * the real client's address. Prints the figures and writes them to `.data/deployment-test.json`;
 * exits 1 when a check fails. `.ci/run` runs it after `npm test` (`npm run deployment-test`).
 *
 * `DEPLOYMENT_TEST_SECONDS` sets the load's length (default 75).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecretBox, THROTTLE_RULES } from '@linju/auth';
import { useAuditKey } from '@linju/core';
import { appUrlFrom, connect, credentials, eq, freePort, schema, startEmbeddedPostgres } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer } from '@linju/infra-temporal';
import { AppProcess } from './deployment/app-process.ts';
import { checkDeployment, waitForReceipts } from './deployment/deployment-checks.ts';
import { ensureNginx, startNginx } from './deployment/nginx.ts';
import { onboardDistricts, STAFF_PASSWORD, TENANT_HOST_SUFFIX } from './deployment/onboard-districts.ts';
import { ProxyClient } from './deployment/proxy-client.ts';
import { type Acknowledged, type RequestRecord, runDesk } from './deployment/steady-load.ts';

const root = join(import.meta.dirname, '..');
const out = (line = '') => process.stdout.write(`${line}\n`);
const LOAD_MS = Number(process.env.DEPLOYMENT_TEST_SECONDS ?? 75) * 1000;
const KILL_AT_MS = Math.round(LOAD_MS / 3);
const RESTART_AFTER_MS = 3000;
const NODE_ID = 'linju-deployment-test';

const dir = join(root, '.data', 'deployment-test', `run-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
const logDir = join(dir, 'logs');
mkdirSync(logDir, { recursive: true });

out('▸ nginx and the Temporal CLI');
const nginxBinary = ensureNginx((m) => out(`  ${m}`));
const temporalCli = ensureTemporalCli((m) => out(`  ${m}`));
out('▸ PostgreSQL and Temporal');
const [pg, temporal] = await Promise.all([
  startEmbeddedPostgres(join(dir, 'postgres')),
  freePort().then((port) => startTemporalDevServer({ cli: temporalCli, port })),
]);
const stops: (() => Promise<unknown>)[] = [() => temporal.stop(), () => pg.stop()];
let failed = true;
try {
  const appUrl = appUrlFrom(pg.ownerUrl, credentials(join(dir, 'postgres')).appPassword);
  const dataKey = randomBytes(32);
  const [proxyPort, serverPort1, serverPort2, healthPort1, healthPort2] = (await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  )) as [number, number, number, number, number];
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  // One set of settings for every process, as a deployment shares them (docs/operations.md).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LINJU_ENV: 'production',
    DATABASE_APP_URL: appUrl,
    TEMPORAL_ADDRESS: temporal.address,
    LINJU_PUBLIC_URL: publicUrl,
    LINJU_DATA_DIR: join(dir, 'data'),
    LINJU_DATA_KEY: dataKey.toString('base64'),
    LINJU_NODE_ID: NODE_ID,
    LINJU_TENANT_HOST_SUFFIX: TENANT_HOST_SUFFIX,
    LINJU_TRUSTED_PROXIES: '127.0.0.1/32',
    // A referral whose start a killed server lost is started by a worker within seconds, not 20.
    LINJU_RECONCILE_INTERVAL_MS: '5000',
    LOG_LEVEL: 'warn',
  };

  out('▸ linju init (migrations, node key, the platform operator)');
  const init = spawnSync(
    process.execPath,
    [join(root, 'apps', 'cli', 'src', 'main.ts'), 'init', 'ops', '平台运维'],
    {
      env: { ...env, DATABASE_URL: pg.ownerUrl },
      input: `Operator-${randomBytes(8).toString('base64url')}-1\n`,
      encoding: 'utf8',
    },
  );
  if (init.status !== 0) throw new Error(`linju init failed: ${init.stderr}${init.stdout}`);

  const owner = connect(pg.ownerUrl, { max: 2 });
  const app = connect(appUrl, { max: 4 });
  stops.unshift(
    () => owner.close(),
    () => app.close(),
  );
  useAuditKey(dataKey);
  const [operator] = await owner.db.select({ id: schema.platformOperator.id }).from(schema.platformOperator);
  if (!operator) throw new Error('linju init made no operator');
  out('▸ Districts: xuhui (under the suffix), minhang (on its own domain)');
  const districts = await onboardDistricts(app.db, createSecretBox(dataKey), operator.id, NODE_ID);

  const servers = [serverPort1, serverPort2].map(
    (port, i) =>
      new AppProcess(
        `server-${i + 1}`,
        'server',
        { ...env, PORT: String(port), HOST: '127.0.0.1' },
        `http://127.0.0.1:${port}/api/v1/health/ready`,
        logDir,
      ),
  );
  const workers = [healthPort1, healthPort2].map(
    (port, i) =>
      new AppProcess(
        `worker-${i + 1}`,
        'worker',
        { ...env, LINJU_WORKER_HEALTH_PORT: String(port) },
        `http://127.0.0.1:${port}/health/ready`,
        logDir,
      ),
  );
  const processes = [...servers, ...workers];
  stops.unshift(...processes.map((p) => () => p.stop()));
  out('▸ Two servers and two workers (production mode)');
  for (const p of processes) p.start();
  await Promise.all(processes.map((p) => p.ready()));
  const nginx = await startNginx(nginxBinary, {
    port: proxyPort,
    upstreams: [`127.0.0.1:${serverPort1}`, `127.0.0.1:${serverPort2}`],
    dir: join(dir, 'nginx'),
  });
  stops.unshift(() => nginx.stop());
  out(`▸ nginx on ${publicUrl}, upstreams :${serverPort1} and :${serverPort2}`);

  // Sign-in throttling on the real client's address: one address fails until it is locked; another
  // (same proxy, same district) still signs in, and the proxy's own address was never counted.
  const limit = THROTTLE_RULES.ip.maxFailures;
  const guesser = new ProxyClient(proxyPort, districts.xuhui.host, '127.0.0.2');
  for (let i = 0; i < limit; i++) await guesser.signIn('xuhui', `ghost-${i}`, 'wrong-password');
  const lockedOut = await guesser.signIn('xuhui', 'desk', STAFF_PASSWORD);
  const neighbour = new ProxyClient(proxyPort, districts.xuhui.host, '127.0.0.3');
  const neighbourIn = await neighbour.signIn('xuhui', 'desk', STAFF_PASSWORD);
  // The host is only a hint: Xuhui's session under Minhang's domain is refused, never served.
  const astray = neighbour.onHost(districts.minhang.host);
  const crossHost = await astray.trpc('query', 'case.getMany', {});
  guesser.close();
  neighbour.close();
  astray.close();
  const failuresOf = async (address: string) =>
    (
      await owner.db
        .select()
        .from(schema.loginThrottle)
        .where(eq(schema.loginThrottle.key, `ip:${address}`))
    )[0]?.failures ?? 0;
  const throttle = {
    lockedAddressRefused: !lockedOut.ok && lockedOut.error === 'auth.throttled',
    otherAddressSignsIn: neighbourIn.ok && neighbourIn.data.next === 'home',
    failuresOfLockedAddress: await failuresOf('127.0.0.2'),
    failuresOfProxy: await failuresOf('127.0.0.1'),
  };

  out(`▸ Steady load for ${LOAD_MS / 1000} s: 2 desk officers per district through nginx`);
  const records: RequestRecord[] = [];
  const acknowledged: Acknowledged[] = [
    districts.xuhui,
    districts.xuhui,
    districts.minhang,
    districts.minhang,
  ].map((district) => ({
    district,
    intakes: new Map(),
    referrals: new Map(),
    repeatedIntakes: 0,
    wrongTenant: [],
  }));
  const startedAt = performance.now();
  const desks = acknowledged.map((a, i) =>
    runDesk({
      proxyPort,
      district: a.district,
      from: `127.0.0.${4 + i}`,
      password: STAFF_PASSWORD,
      startedAt,
      until: LOAD_MS,
      records,
      acknowledged: a,
    }),
  );
  // Mid-load: one server and one worker killed, restarted a few seconds later; recovery is from
  // the kill to the restarted process answering ready (the worker: polling again).
  const outage = (async () => {
    await new Promise((r) => setTimeout(r, KILL_AT_MS));
    const [server, worker] = [servers[0] as AppProcess, workers[0] as AppProcess];
    const killedAt = performance.now() - startedAt;
    await Promise.all([server.kill(), worker.kill()]);
    out(`  killed server-1 and worker-1 at ${(killedAt / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, RESTART_AFTER_MS));
    const recovered = async (p: AppProcess) => {
      p.start();
      await p.ready();
      return performance.now() - startedAt - killedAt;
    };
    const [serverMs, workerMs] = await Promise.all([recovered(server), recovered(worker)]);
    out(
      `  server-1 ready again after ${(serverMs / 1000).toFixed(1)} s, worker-1 after ${(workerMs / 1000).toFixed(1)} s`,
    );
    return { killedAt, serverMs, workerMs };
  })();
  const loadResults = await Promise.allSettled(desks);
  const loadEndedAt = performance.now() - startedAt;
  const kill = await outage;
  const loadErrors = loadResults.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));

  out('▸ Waiting for every referral’s receipt, then checking the database and the audit chains');
  await waitForReceipts(owner.db, acknowledged);
  const problems = [...loadErrors, ...(await checkDeployment(owner.db, acknowledged))];
  const audit = ['xuhui', 'minhang'].map((slug) => {
    const verify = spawnSync(
      process.execPath,
      [join(root, 'apps', 'cli', 'src', 'main.ts'), 'audit', 'verify', slug],
      {
        env: { ...env, DATABASE_URL: pg.ownerUrl },
        encoding: 'utf8',
      },
    );
    if (verify.status !== 0) problems.push(`audit verify ${slug}: ${verify.stdout}${verify.stderr}`.trim());
    return { slug, ok: verify.status === 0 };
  });
  if (crossHost.ok || crossHost.error !== 'tenant.mismatch')
    problems.push(`Xuhui's session under Minhang's host was answered: ${JSON.stringify(crossHost)}`);
  if (!throttle.lockedAddressRefused) problems.push('the address that failed sign-in was not throttled');
  if (!throttle.otherAddressSignsIn) problems.push('another address could not sign in');
  if (throttle.failuresOfProxy !== 0) problems.push('sign-in failures were counted against the proxy');

  const errors = records.filter((r) => !r.ok);
  const figures = {
    loadSeconds: loadEndedAt / 1000,
    requests: records.length,
    errors: errors.length,
    errorsByStatus: Object.fromEntries(
      [...new Set(errors.map((e) => e.status))].map((s) => [s, errors.filter((e) => e.status === s).length]),
    ),
    errorsByProcedure: Object.fromEntries(
      [...new Set(errors.map((e) => e.procedure))].map((p) => [
        p,
        errors.filter((e) => e.procedure === p).length,
      ]),
    ),
    // Errors before the kill or after the killed server answered again: none are expected.
    errorsOutsideKill: errors.filter((e) => e.at < kill.killedAt || e.at > kill.killedAt + kill.serverMs)
      .length,
    errorWindowSeconds: errors.length > 0 ? ((errors.at(-1)?.at ?? 0) - (errors[0]?.at ?? 0)) / 1000 : 0,
    killAtSeconds: kill.killedAt / 1000,
    recoverySeconds: { server: kill.serverMs / 1000, worker: kill.workerMs / 1000 },
    intakes: acknowledged.reduce((n, a) => n + a.intakes.size, 0),
    intakesPerSecond: acknowledged.reduce((n, a) => n + a.intakes.size, 0) / (loadEndedAt / 1000),
    repeatedIntakes: acknowledged.reduce((n, a) => n + a.repeatedIntakes, 0),
    referrals: acknowledged.reduce((n, a) => n + a.referrals.size, 0),
    crossHostRefused: !crossHost.ok && crossHost.error === 'tenant.mismatch',
    throttle,
    audit,
    problems,
  };
  writeFileSync(join(root, '.data', 'deployment-test.json'), `${JSON.stringify(figures, null, 2)}\n`);

  const row = (label: string, value: string) => out(`  ${label.padEnd(44)} ${value}`);
  out('\nWhole deployment: 2 servers, 2 workers, nginx, 2 districts (one kill of a server and a worker)');
  row('requests through nginx', String(figures.requests));
  row(
    'errors',
    `${figures.errors} ${JSON.stringify(figures.errorsByStatus)} ${JSON.stringify(figures.errorsByProcedure)}`,
  );
  row('errors outside the kill (kill → ready)', String(figures.errorsOutsideKill));
  row('error window', `${figures.errorWindowSeconds.toFixed(1)} s`);
  row('kill at', `${figures.killAtSeconds.toFixed(1)} s of ${figures.loadSeconds.toFixed(1)} s`);
  row('recovery: server-1 (kill → ready)', `${figures.recoverySeconds.server.toFixed(1)} s`);
  row('recovery: worker-1 (kill → polling, ready)', `${figures.recoverySeconds.worker.toFixed(1)} s`);
  row(
    'intakes answered (each exactly once)',
    `${figures.intakes} (${figures.intakesPerSecond.toFixed(1)}/s)`,
  );
  row('intakes sent again, answered the first case', String(figures.repeatedIntakes));
  row('referrals sent and receipted (each once)', String(figures.referrals));
  row('a district’s session on another’s host', figures.crossHostRefused ? 'refused' : 'ANSWERED');
  row(
    'sign-in throttle on the client address',
    throttle.lockedAddressRefused && throttle.otherAddressSignsIn ? 'yes' : 'NO',
  );
  row('audit chains verify', audit.map((a) => `${a.slug} ${a.ok ? 'ok' : 'BROKEN'}`).join(', '));
  for (const problem of problems) out(`  ✖ ${problem}`);
  out(
    problems.length === 0
      ? '✔ deployment test passed'
      : `✖ deployment test failed: ${problems.length} problems`,
  );
  failed = problems.length > 0;
} finally {
  for (const stop of stops) await stop().catch((error) => out(`  (stopping: ${(error as Error).message})`));
  if (!failed && !process.env.DEPLOYMENT_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
  else out(`  logs kept in ${dir}`);
}
process.exit(failed ? 1 : 0);
