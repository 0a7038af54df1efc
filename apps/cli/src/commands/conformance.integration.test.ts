import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiContext, type AppCaller, createCaller } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import { type KitIdentity, loadKitIdentity, REFERRALS_TO_RECEIVE } from '@linju/conformance';
import {
  allowPeer,
  createOrganisation,
  createPeerFetcher,
  createPostgresDocumentStore,
  pinPeer,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, freePort, withTenant } from '@linju/db';
import { loadOrCreateNodeKey } from '@linju/federation';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * `linju conformance` against Linju itself, as a vendor would run it: this node's server and
 * worker processes (with their own Temporal dev server, on the test cluster's database), the kit's
 * node document pinned and allowed one district, and the kit run as the CLI command, listening as
 * a node: when it asks, the district's desk officer sends it referrals (through the API, as the
 * admin app does), and the kit walks them through every state.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const cliMain = join(repoRoot, 'apps', 'cli', 'src', 'main.ts');
const nodeId = `conformance-node-${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), 'linju-conformance-node-'));
const kitKeyDir = mkdtempSync(join(tmpdir(), 'linju-conformance-kit-'));
const db = connect(inject('databaseUrl'), { max: 2 });
const children = new Set<ChildProcess>();
let temporal: TemporalDevServer;
let connection: Connection;
let url: string;
let district: TestDistrict;
let kit: KitIdentity;
let kitPort: number;
let kitCourt: string; // the district's partner record of the kit's court
let desk: AppCaller;

function start(app: 'server' | 'worker', env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'apps', app, 'src', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (output.includes(ready)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${app} exited (${code}): ${output}`)));
  });
}

/** The CLI as an operator runs it; `onStderr` sees what it says as it runs. */
async function linju(args: string[], onStderr: (text: string) => void = () => {}) {
  const child = spawn(process.execPath, [cliMain, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(chunk.toString());
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/** The district's desk officer, signed in to this node's API in-process (the server's wiring). */
async function signIn(dataKey: Buffer, client: Client): Promise<AppCaller> {
  const silent = { info() {}, warn() {}, error() {} };
  const key = await loadOrCreateNodeKey(join(dataDir, 'federation'));
  const context = (sessionToken: string | null): ApiContext => ({
    db: db.db,
    box: createSecretBox(dataKey),
    requestId: 'conformance-test',
    ip: '10.9.1.1',
    log: silent,
    sessionToken,
    tenantSlugHint: null,
    temporalHealthy: async () => true,
    totpIssuer: 'Linju test',
    temporal: { client, nodeId },
    files: createPostgresDocumentStore({ db: db.db, box: createSecretBox(dataKey), maxBytes: 1024 * 1024 }),
    fetchFromPeer: createPeerFetcher(db.db, {
      nodeId,
      publicUrl: url,
      key,
    }),
  });
  const { sessionToken } = await createCaller(context(null)).auth.login({
    tenantSlug: district.slug,
    username: 'desk-a',
    password: TEST_PASSWORD,
  });
  return createCaller(context(sessionToken));
}

/** A case at the centre sent to the kit's court, with the resident's consent first. */
async function sendToKit(n: number) {
  const legalCase = await desk.case.create({
    channel: 'walk-in',
    resident: { name: `一致性${n}`, phone: '13912345678', keyGroups: [] },
    serviceType: TEST_SERVICE,
    description: '一致性测试',
    organisationId: district.organisations.stationA,
  });
  // The first goes with a document, for the kit to fetch as its receiver.
  const document =
    n === 1
      ? await desk.case.attachDocument({
          caseId: legalCase.id,
          fileName: '调解协议书.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.7\n调解协议书\n%%EOF\n').toString('base64'),
        })
      : undefined;
  await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: kitCourt });
  await desk.referral.create({
    caseId: legalCase.id,
    toOrganisationId: kitCourt,
    kind: 'judicial-confirmation',
    summary: `一致性测试 ${n}`,
    ...(document ? { documentIds: [String(document.id)] } : {}),
  });
}

beforeAll(async () => {
  const [port, temporalPort] = [await freePort(), await freePort()];
  kitPort = await freePort();
  url = `http://127.0.0.1:${port}`;
  temporal = await startTemporalDevServer({
    cli: ensureTemporalCli(),
    port: temporalPort,
    dbFile: join(dataDir, 'temporal.db'),
  });
  const dataKey = inject('dataKey');
  district = await createTestDistrict(db.db, createSecretBox(Buffer.from(dataKey, 'base64')), 'conf');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_APP_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: temporal.address,
    LINJU_DATA_DIR: dataDir,
    LINJU_DATA_KEY: dataKey,
    LINJU_NODE_ID: nodeId,
    LINJU_PUBLIC_URL: url,
    LINJU_ADMIN_BUILD: join(dataDir, 'no-admin-build'),
    LOG_LEVEL: 'info',
  };
  await Promise.all([start('server', env, '"msg":"listening"'), start('worker', env, '"event":"started"')]);
  // The node's operator pins the kit's document (what `linju conformance well-known` prints), on
  // purpose at a loopback address, lets it address the district, and records its court as a partner.
  kit = await loadKitIdentity({ keyDir: kitKeyDir, publicUrl: `http://127.0.0.1:${kitPort}` });
  await pinPeer(db.db, kit.wellKnown, { allowPrivateNetwork: true });
  await allowPeer(db.db, kit.nodeId, district.slug);
  kitCourt = await withTenant(db.db, district.tenantId, async (tx) => {
    const actor = systemActor(district.tenantId, 'test');
    const court = await createOrganisation(tx, actor, {
      kind: 'court',
      nameZh: '一致性测试法院',
      nameEn: 'Conformance court',
      remoteAddress: kit.address,
    });
    return court.id;
  });
  connection = await Connection.connect({ address: temporal.address });
  const client = new Client({
    connection,
    namespace: 'default',
    dataConverter: linjuDataConverter({ current: Buffer.from(dataKey, 'base64'), retired: [] }),
  });
  desk = await signIn(Buffer.from(dataKey, 'base64'), client);
}, 180_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await connection?.close().catch(() => {});
  await temporal?.stop().catch(() => {});
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(kitKeyDir, { recursive: true, force: true });
}, 60_000);

describe('linju conformance against a running Linju', () => {
  it('passes every check, as receiver and as sender, and says so with exit code 0', async () => {
    let sent: Promise<void> | undefined;
    const args = ['conformance', url, '--key', kitKeyDir, '--org', district.slug];
    const run = await linju(
      [...args, '--listen', `127.0.0.1:${kitPort}`, '--wait', '120', '--json'],
      (text) => {
        if (!sent && text.includes('Waiting up to')) {
          sent = (async () => {
            for (let n = 1; n <= REFERRALS_TO_RECEIVE; n++) await sendToKit(n);
          })();
        }
      },
    );
    await sent;
    const report = JSON.parse(run.stdout) as { passed: boolean; checks: { id: string; pass: boolean }[] };
    expect(report.checks.filter((c) => !c.pass)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toContain('outcome-document-fetched');
    expect(report.passed).toBe(true);
    expect(run.code).toBe(0);
  });
});
