/**
 * Referrals through the exchange (issue 6): a node as it runs (API server and worker processes,
 * embedded PostgreSQL, a Temporal dev server), one district sending cases to a court of another
 * district of the same node. Loopback takes exactly the path between two nodes (outbox, signed
 * HTTP, the receiving endpoint, both workflows); only the network is local.
 *
 * Figures, next to a baseline of the same run — Temporal's floor for the same shape: a pair of
 * workflows (`bench-referrals-floor-workflows.ts`) making the commands of one referral's life
 * (two starts, one activity doing one signed POST with the exchange's signing code, one local
 * activity, no update; the histories' counts are printed side by side) with no application logic,
 * run by a worker process of this benchmark's own (`bench-referrals-floor.ts`) on its own task
 * queue against the same Temporal dev server:
 * - `referral.create` calls per second (each starts a workflow and queues the create), 4 at a time,
 *   against the floor's starts per second, 4 at a time, its lives running meanwhile;
 * - time from "send" (the call) to "visible in the partner's inbox", p50 and p99, and to the
 *   receiver's receipt back on the sender's referral (`received`): at a steady offered rate below
 *   saturation (what a sender sees), and during the burst (a queue's wait, growing with its length);
 * - the CPU time the processes doing the work spent per item (a floor's life: its worker, Temporal,
 *   this one; a referral sent, delivered and receipted: the node's processes), which, unlike a
 *   rate, hardly depends on what else the machine is doing;
 * - peak RSS of the server, worker and floor worker processes and of this one (which makes the
 *   API calls).
 * Each figure is printed beside its baseline and issue 20's target.
 * Both latencies are observed by one watcher polling every 20 ms (so up to 20 ms late).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppCaller, createCaller } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import { createOrganisation, createStaffMember, systemActor, useAuditKey } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE } from '@linju/core/testing';
import {
  and,
  appUrlFrom,
  connect,
  credentials,
  eq,
  freePort,
  inArray,
  migrate,
  schema,
  sql,
  startEmbeddedPostgres,
  withTenant,
} from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer } from '@linju/infra-temporal';
import { linjuDataConverter, referralWorkflowId } from '@linju/workflows';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NODE_FLAGS } from '../apps/cli/src/stack/node-flags.ts';
import { cpuPerItem, nodeCpuMs } from './bench-cpu.ts';
import { peakRss } from './bench-intake.ts';

const root = join(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/**
 * `BENCH_WORKER_CPU_PROF=<dir>` profiles the worker (`--cpu-prof`, written when it stops); the
 * burst's start and end are printed on the same clock as the profile's timestamps (monotonic, µs).
 */
const workerProfileDir = process.env.BENCH_WORKER_CPU_PROF;
const monotonicMicros = () => process.hrtime.bigint() / 1000n;

function startApp(app: 'server' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const profile =
    app === 'worker' && workerProfileDir ? ['--cpu-prof', '--cpu-prof-dir', workerProfileDir] : [];
  // With the flags `linju start` gives them: the node as it runs.
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...profile, join(root, 'apps', app, 'src', 'main.ts')],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const WARM_UP = 5;

/**
 * Issue 20's targets for this stage, and the figures before it: this stage as it ran before the
 * worker bundled its workflow code apart and ran with `linju start`'s flags here (2 cores, load
 * average 11–17; the floor's CPU per life 54–61 ms in the same runs).
 */
const TARGET = { ofFloor: 0.5, cpuMs: 40, visibleP99Ms: 300, workerRssMb: 400 };
const BEFORE = { cpuMs: 163, visibleP99Ms: 215, workerRssMb: 545 };

/**
 * The floor's worker process: tells `ready` once it polls its queue, and `done` as each life ends.
 * Its start options are the referral's (`startReferralExecution`).
 */
function startFloor(env: NodeJS.ProcessEnv) {
  const child = fork(join(root, 'scripts', 'bench-referrals-floor.ts'), [], {
    env,
    // Like for like: the flags the node's worker runs with.
    execArgv: [...NODE_FLAGS],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let ended = 0;
  let waiting: { lives: number; resolve: () => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the floor's worker exited (${code})`)));
    child.on('message', (message: { ready?: true; done?: string }) => {
      if (message.ready) resolve();
      if (message.done === undefined) return;
      ended += 1;
      if (waiting && ended >= waiting.lives) waiting.resolve();
    });
  });
  return {
    child,
    ready,
    /** Resolves once `lives` lives have ended since the process started. */
    ended: (lives: number) =>
      new Promise<void>((resolve) => {
        if (ended >= lives) resolve();
        else waiting = { lives, resolve };
      }),
  };
}

/**
 * What a life asked of Temporal, from its workflows' histories: starts, workflow tasks, updates,
 * activities (of which signed deliveries, named `deliver…`), local activities, timers.
 */
async function lifeShape(handles: WorkflowHandle[]) {
  const shape = { starts: 0, tasks: 0, updates: 0, activities: 0, deliveries: 0, local: 0, timers: 0 };
  for (const handle of handles) {
    for (const event of (await handle.fetchHistory()).events ?? []) {
      if (event.workflowExecutionStartedEventAttributes) shape.starts += 1;
      if (event.workflowTaskCompletedEventAttributes) shape.tasks += 1;
      if (event.workflowExecutionUpdateAcceptedEventAttributes) shape.updates += 1;
      const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (activity) shape.activities += 1;
      if (activity?.startsWith('deliver')) shape.deliveries += 1;
      if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity') shape.local += 1;
      if (event.timerStartedEventAttributes) shape.timers += 1;
    }
  }
  return shape;
}

export async function benchReferrals(count = 60, concurrency = 4, steadyRate = 5, steadyCount = 50) {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-referrals-'));
  const pg = await startEmbeddedPostgres(join(dir, 'postgres'));
  const temporalPort = await freePort();
  const temporal = await startTemporalDevServer({ cli: ensureTemporalCli(), port: temporalPort });
  const children: ChildProcess[] = [];
  const { appPassword } = credentials(join(dir, 'postgres'));
  await migrate(pg.ownerUrl, appPassword);
  const databaseUrl = appUrlFrom(pg.ownerUrl, appPassword);
  const { db, close } = connect(databaseUrl, { max: 8 });
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const dataKey = randomBytes(32);
    const box = createSecretBox(dataKey);
    useAuditKey(dataKey);
    const port = await freePort();
    const nodeId = 'bench-node';
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_APP_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      LINJU_DATA_DIR: dir,
      LINJU_DATA_KEY: dataKey.toString('base64'),
      LINJU_NODE_ID: nodeId,
      LINJU_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LINJU_ADMIN_BUILD: join(dir, 'no-admin-build'),
      LOG_LEVEL: 'error',
    };
    const [sender, receiver] = await Promise.all([
      createTestDistrict(db, box, 'send'),
      createTestDistrict(db, box, 'recv'),
    ]);
    await withTenant(db, receiver.tenantId, (tx) =>
      createStaffMember(
        tx,
        systemActor(receiver.tenantId, 'bench'),
        {
          username: 'clerk',
          displayName: 'clerk',
          organisationId: receiver.organisations.court,
          password: TEST_PASSWORD,
          roles: [{ role: 'partner-user', organisationId: receiver.organisations.court }],
          mustChangePassword: false,
        },
        box,
      ),
    );
    const partner = await withTenant(db, sender.tenantId, async (tx) =>
      createOrganisation(tx, systemActor(sender.tenantId, 'bench'), {
        kind: 'court',
        nameZh: '接收区法院',
        nameEn: 'Receiving court',
        remoteAddress: `${receiver.slug}.${receiver.organisations.court}@${nodeId}`,
      }),
    );

    children.push(startApp('server', env));
    children.push(startApp('worker', env));
    const floorQueue = `bench-floor-${randomUUID()}`;
    const floor = startFloor({ ...env, FLOOR_TASK_QUEUE: floorQueue });
    children.push(floor.child);
    const names = new Map(
      children.flatMap((c, i) => (c.pid ? [[c.pid, ['server', 'worker', 'floor worker'][i] as string]] : [])),
    );
    await waitFor(
      'the server',
      () =>
        fetch(`http://127.0.0.1:${port}/.well-known/linju-node`).then(
          (r) => r.ok,
          () => false,
        ),
      // Start-up is not what is measured; on a loaded machine it takes a while.
      180_000,
    );
    await floor.ready;
    const client = new Client({
      connection,
      namespace: 'default',
      dataConverter: linjuDataConverter({ current: dataKey, retired: [] }),
    });
    const context = (sessionToken: string | null) => ({
      db,
      box,
      requestId: 'bench',
      ip: '127.0.0.1',
      log: { info() {}, warn() {}, error() {} },
      sessionToken,
      tenantSlugHint: null,
      temporalHealthy: async () => true,
      totpIssuer: 'bench',
      temporal: { client, nodeId },
    });
    const { sessionToken } = await createCaller(context(null)).auth.login({
      tenantSlug: sender.slug,
      username: 'desk-a',
      password: TEST_PASSWORD,
    });
    const desk: AppCaller = createCaller(context(sessionToken));

    // Cases and consents first: the figures are about sending, not intake.
    const cases: string[] = [];
    for (let i = 0; i < count + WARM_UP + steadyCount; i++) {
      const c = await desk.case.create({
        channel: 'walk-in',
        organisationId: sender.organisations.stationA,
        serviceType: TEST_SERVICE,
        description: `调解协议第 ${i} 号，申请司法确认`,
        resident: { name: `居民${i}`, phone: `137${String(10_000_000 + i).slice(-8)}` },
      });
      await desk.case.recordConsent({ caseId: c.id, partnerOrganisationId: partner.id });
      cases.push(c.id);
    }

    // Baseline: Temporal's floor for the same shape, started as the referrals are (same client,
    // same concurrency), each life ended (its receipt recorded) before the CPU is read.
    const floorLife = (id = randomUUID()) =>
      client.workflow.start('floorSenderWorkflow', {
        taskQueue: floorQueue,
        workflowId: `floor-sender:${id}`,
        args: [id],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    let floorLives = 0;
    for (let i = 0; i < WARM_UP; i++) {
      await floorLife();
      await floor.ended(++floorLives);
    }
    const floorStarted = performance.now();
    const floorCpu = nodeCpuMs(names);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next += 1;
          await floorLife();
        }
      }),
    );
    const floorRate = count / ((performance.now() - floorStarted) / 1000);
    await floor.ended(floorLives + count);
    const floorCpuEach = cpuPerItem(floorCpu, nodeCpuMs(names), count, ['server', 'worker', 'postgres']);
    const floorId = randomUUID();
    await floorLife(floorId);
    await floor.ended(floorLives + count + 1);
    // Told from inside the local activity: its marker is in the history once that task completes.
    const floorShape = await waitFor('the floor life in its history', async () => {
      const shape = await lifeShape([
        client.workflow.getHandle(`floor-sender:${floorId}`),
        client.workflow.getHandle(`floor-receiver:${floorId}`),
      ]);
      return shape.local > 0 && shape;
    });

    const received = (id: string) =>
      withTenant(db, sender.tenantId, async (tx) => {
        const [row] = await tx
          .select({ status: schema.referral.status })
          .from(schema.referral)
          .where(sql`${schema.referral.id} = ${id}`);
        return row?.status === 'received';
      });
    const send = (caseId: string) =>
      desk.referral.create({
        caseId,
        toOrganisationId: partner.id,
        kind: 'judicial-confirmation',
        summary: '司法确认',
      });

    // Warm-up: the worker's first tasks load its bundle.
    let lastSent = '';
    for (const caseId of cases.slice(count, count + WARM_UP)) {
      const sent = await send(caseId);
      await waitFor('warm-up delivery', () => received(sent.id));
      lastSent = sent.id;
    }
    const [inbox] = await withTenant(db, receiver.tenantId, (tx) =>
      tx
        .select({ id: schema.referral.id })
        .from(schema.referral)
        .where(eq(schema.referral.remoteReferralId, lastSent)),
    );
    const referralShape = await lifeShape([
      client.workflow.getHandle(referralWorkflowId(sender.tenantId, lastSent)),
      client.workflow.getHandle(referralWorkflowId(receiver.tenantId, inbox?.id ?? '')),
    ]);

    // One watcher for all sends, one query per side every 20 ms: a poll per referral every 10 ms
    // (as this benchmark first did) put more load on the database and the CPU than the sends
    // themselves, and slowed what it measured.
    const watch = () => {
      const toVisible: number[] = [];
      const toReceipt: number[] = [];
      const awaitingInbox = new Map<string, number>();
      const awaitingReceipt = new Map<string, number>();
      let sending = true;
      const done = (async () => {
        const deadline = Date.now() + 180_000;
        while (sending || awaitingInbox.size > 0 || awaitingReceipt.size > 0) {
          if (Date.now() > deadline)
            throw new Error('timed out waiting for the partner inbox and the receipts');
          await sleep(20);
          const inbox = [...awaitingInbox.keys()];
          if (inbox.length > 0) {
            const seen = await withTenant(db, receiver.tenantId, (tx) =>
              tx
                .select({ id: schema.referral.remoteReferralId })
                .from(schema.referral)
                .where(inArray(schema.referral.remoteReferralId, inbox)),
            );
            const now = performance.now();
            for (const { id } of seen) {
              const t0 = id ? awaitingInbox.get(id) : undefined;
              if (id && t0 !== undefined) {
                toVisible.push(now - t0);
                awaitingInbox.delete(id);
              }
            }
          }
          const receipts = [...awaitingReceipt.keys()];
          if (receipts.length > 0) {
            const back = await withTenant(db, sender.tenantId, (tx) =>
              tx
                .select({ id: schema.referral.id })
                .from(schema.referral)
                .where(and(inArray(schema.referral.id, receipts), eq(schema.referral.status, 'received'))),
            );
            const now = performance.now();
            for (const { id } of back) {
              const t0 = awaitingReceipt.get(id);
              if (t0 !== undefined) {
                toReceipt.push(now - t0);
                awaitingReceipt.delete(id);
              }
            }
          }
        }
        toVisible.sort((x, y) => x - y);
        toReceipt.sort((x, y) => x - y);
        return {
          visibleP50: percentile(toVisible, 50),
          visibleP99: percentile(toVisible, 99),
          receiptP50: percentile(toReceipt, 50),
          receiptP99: percentile(toReceipt, 99),
        };
      })();
      return {
        sent(id: string, t0: number) {
          awaitingInbox.set(id, t0);
          awaitingReceipt.set(id, t0);
        },
        finish() {
          sending = false;
          return done;
        },
      };
    };

    // 1. The start rate: sends as fast as 4 callers can make them (the node's worker and server
    // deliver them meanwhile, on the same two cores); their latencies are a queue's.
    const burst = watch();
    const started = performance.now();
    const burstCpu = nodeCpuMs(names);
    const burstFrom = monotonicMicros();
    let index = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (index < count) {
          const caseId = cases[index++] as string;
          const t0 = performance.now();
          burst.sent((await send(caseId)).id, t0);
        }
      }),
    );
    const sendRate = count / ((performance.now() - started) / 1000);
    const burstLatency = await burst.finish();
    // Sent, delivered, received and answered with the receipt: the whole of each referral's start.
    const referralCpu = cpuPerItem(burstCpu, nodeCpuMs(names), count, ['floor worker']);
    if (workerProfileDir) process.stderr.write(`burst window (µs): ${burstFrom} ${monotonicMicros()}\n`);

    // 2. The time to the partner's inbox at a steady offered rate below saturation (open loop:
    // each send starts on its tick, whether or not the one before has returned).
    const steady = watch();
    const steadyCases = cases.slice(count + WARM_UP, count + WARM_UP + steadyCount);
    const steadyStarted = performance.now();
    await Promise.all(
      steadyCases.map(async (caseId, i) => {
        await sleep(Math.max(0, steadyStarted + (i * 1000) / steadyRate - performance.now()));
        const t0 = performance.now();
        steady.sent((await send(caseId)).id, t0);
      }),
    );
    const steadyLatency = await steady.finish();
    const [server, worker, floorWorker] = children.map((c) => (c.pid ? peakRss(c.pid) : 0));
    return {
      floorRate,
      sendRate,
      floorCpuEach,
      referralCpu,
      floorShape,
      referralShape,
      burstLatency,
      steadyRate,
      steadyCount,
      steadyLatency,
      count,
      concurrency,
      serverRss: server ?? 0,
      workerRss: worker ?? 0,
      floorWorkerRss: floorWorker ?? 0,
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))),
    );
    await connection.close();
    await close();
    await temporal.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the referral figures beside their baseline and target (called by `scripts/bench.ts`). */
export async function printReferralBench() {
  const r = await benchReferrals();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const byProcess = (cpu: typeof r.referralCpu) =>
    Object.entries(cpu.byProcess)
      .sort(([, a], [, b]) => b - a)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ');
  const shape = (s: typeof r.floorShape) =>
    `${s.starts} starts, ${s.tasks} workflow tasks, ${s.updates} updates, ${s.activities} activities (${s.deliveries} signed deliveries), ${s.local} local activities, ${s.timers} timers`;
  out(`\nReferrals through the exchange, loopback (${r.count} sent, ${r.concurrency} at a time)`);
  out(`  one life, from its workflows' histories (both sides):`);
  out(`    referral  ${shape(r.referralShape)}`);
  out(`    floor     ${shape(r.floorShape)}`);
  const ofFloor = r.sendRate / r.floorRate;
  out(`  baseline: Temporal's floor, lives started ${r.floorRate.toFixed(1).padStart(8)} /s`);
  out(
    `  referral.create (send)                    ${r.sendRate.toFixed(1).padStart(8)} /s   ×${ofFloor.toFixed(2)} of the floor (target ≥ ×${TARGET.ofFloor}: ${met(ofFloor >= TARGET.ofFloor)})`,
  );
  out(
    `  CPU per life (the processes doing its work): referral sent, delivered and receipted ${r.referralCpu.total.toFixed(1)} ms, the floor's ${r.floorCpuEach.total.toFixed(1)} ms (target ≤ ${TARGET.cpuMs} ms, before ${BEFORE.cpuMs}: ${met(r.referralCpu.total <= TARGET.cpuMs)})`,
  );
  out(`    the referral's, by process: ${byProcess(r.referralCpu)} ms`);
  out(`    the floor's, by process:    ${byProcess(r.floorCpuEach)} ms`);
  const latency = (label: string, l: typeof r.burstLatency) => {
    out(`  ${label}`);
    out(
      `    send → visible in partner inbox      p50 ${l.visibleP50.toFixed(0)} ms, p99 ${l.visibleP99.toFixed(0)} ms`,
    );
    out(
      `    send → receipt back on the sender    p50 ${l.receiptP50.toFixed(0)} ms, p99 ${l.receiptP99.toFixed(0)} ms`,
    );
  };
  latency(`at a steady ${r.steadyRate} sends/s (${r.steadyCount} sent, open loop):`, r.steadyLatency);
  out(
    `    inbox p99 target ≤ ${TARGET.visibleP99Ms} ms at 5/s (before ${BEFORE.visibleP99Ms}): ${met(r.steadyLatency.visibleP99 <= TARGET.visibleP99Ms)}`,
  );
  latency(`during the burst above (a queue of ${r.count}):`, r.burstLatency);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  out(
    `  peak RSS: worker ${mb(r.workerRss).toFixed(0)} MB (target ≤ ${TARGET.workerRssMb} MB, before ${BEFORE.workerRssMb}: ${met(mb(r.workerRss) <= TARGET.workerRssMb)}), the floor's worker ${mb(r.floorWorkerRss).toFixed(0)} MB, server ${mb(r.serverRss).toFixed(0)} MB, benchmark process (API caller) ${mb(process.resourceUsage().maxRSS * 1024).toFixed(0)} MB`,
  );
}

if (import.meta.main) await printReferralBench();
