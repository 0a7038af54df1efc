import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiContext, type AppCaller, createCaller } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import {
  allowPeer,
  createOrganisation,
  createPeerFetcher,
  createPostgresDocumentStore,
  createStaffMember,
  DEFAULT_UPLOAD_MAX_BYTES,
  outboxOf,
  pinPeer,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, type DbHandle, eq, freePort, migrate, schema, sql, withTenant } from '@linju/db';
import {
  loadOrCreateNodeKey,
  type NodeKey,
  referralAttachmentPath,
  referralEventsPath,
  referralPath,
  signRequest,
  WELL_KNOWN_PATH,
} from '@linju/federation';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The referral exchange between two deployments, as they run: each node is its own API server
 * process and worker process (`apps/server/src/main.ts`, `apps/worker/src/main.ts`), its own
 * database in the test cluster, its own Temporal dev server on its own SQLite file, its own data
 * and node keys; they pin each other's well-known documents and talk signed HTTP on loopback.
 * The test drives each node's tRPC API in-process against that node's database and Temporal.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const silent = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Node = {
  nodeId: string;
  port: number;
  url: string;
  dataDir: string;
  dataKey: Buffer;
  databaseUrl: string;
  db: DbHandle;
  temporalPort: number;
  temporal: TemporalDevServer;
  connection: Connection;
  client: Client;
  server?: ChildProcess;
  worker?: ChildProcess;
  key: NodeKey;
};

const cli = ensureTemporalCli();
const children = new Set<ChildProcess>();
let nodeA: Node;
let nodeB: Node;
let a: TestDistrict; // on node A
let a2: TestDistrict; // another district on node A (loopback)
let b: TestDistrict; // on node B
let remoteCourt: string; // A's partner record of B's court
let loopbackCourt: string; // A's partner record of a2's court
let stranger: NodeKey;
let extraDatabase: string;

async function startTemporal(node: { temporalPort: number; dataDir: string }) {
  return startTemporalDevServer({ cli, port: node.temporalPort, dbFile: join(node.dataDir, 'temporal.db') });
}

function env(node: Node): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(node.port),
    HOST: '127.0.0.1',
    DATABASE_APP_URL: node.databaseUrl,
    TEMPORAL_ADDRESS: `127.0.0.1:${node.temporalPort}`,
    LINJU_DATA_DIR: node.dataDir,
    LINJU_DATA_KEY: node.dataKey.toString('base64'),
    LINJU_NODE_ID: node.nodeId,
    LINJU_NODE_NAME: `Test node ${node.nodeId}`,
    LINJU_PUBLIC_URL: node.url,
    LINJU_ADMIN_BUILD: join(node.dataDir, 'no-admin-build'),
    LOG_LEVEL: 'warn',
  };
}

/** Starts the node's server or worker process and waits until it serves (or polls). */
async function startApp(node: Node, app: 'server' | 'worker'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'apps', app, 'src', 'main.ts')], {
    env: { ...env(node), LOG_LEVEL: app === 'worker' ? 'info' : 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (app === 'worker' && output.includes('"event":"started"')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${app} of ${node.nodeId} exited (${code}): ${output}`)));
  });
  // Only a start that is being awaited cares; a later (deliberate) stop is no failure.
  ready.catch(() => {});
  if (app === 'server') {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${node.url}${WELL_KNOWN_PATH}`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`server did not start: ${output}`);
      await sleep(150);
    }
  } else {
    await Promise.race([
      ready,
      sleep(60_000).then(() => Promise.reject(new Error(`worker not ready: ${output}`))),
    ]);
  }
  node[app] = child;
  return child;
}

async function stopApp(node: Node, app: 'server' | 'worker', signal: NodeJS.Signals = 'SIGTERM') {
  const child = node[app];
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
  node[app] = undefined;
}

async function makeNode(nodeId: string, databaseUrl: string): Promise<Node> {
  const dataDir = mkdtempSync(join(tmpdir(), `linju-${nodeId}-`));
  const [port, temporalPort] = [await freePort(), await freePort()];
  const temporal = await startTemporal({ temporalPort, dataDir });
  const connection = await Connection.connect({ address: temporal.address });
  const dataKey = randomBytes(32);
  return {
    nodeId,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    dataKey,
    databaseUrl,
    db: connect(databaseUrl, { max: 6 }),
    temporalPort,
    temporal,
    connection,
    client: new Client({
      connection,
      namespace: 'default',
      dataConverter: linjuDataConverter({ current: dataKey, retired: [] }),
    }),
    key: await loadOrCreateNodeKey(join(dataDir, 'federation')),
  };
}

/** This node's API as a signed-in user would call it (the server's wiring, in-process). */
async function signIn(node: Node, slug: string, username: string): Promise<AppCaller> {
  const context = (sessionToken: string | null): ApiContext => ({
    db: node.db.db,
    box: createSecretBox(node.dataKey),
    requestId: 'exchange-test',
    ip: `10.9.0.${Math.floor(Math.random() * 250)}`,
    log: silent,
    sessionToken,
    tenantSlugHint: null,
    temporalHealthy: async () => true,
    totpIssuer: 'Linju test',
    temporal: { client: node.client, nodeId: node.nodeId },
    // The node's own document store and key, as its server wires them (documents, attachments).
    files: createPostgresDocumentStore({
      db: node.db.db,
      box: createSecretBox(node.dataKey),
      maxBytes: DEFAULT_UPLOAD_MAX_BYTES,
    }),
    fetchFromPeer: createPeerFetcher(node.db.db, { nodeId: node.nodeId, publicUrl: node.url, key: node.key }),
  });
  const { sessionToken } = await createCaller(context(null)).auth.login({
    tenantSlug: slug,
    username,
    password: TEST_PASSWORD,
  });
  return createCaller(context(sessionToken));
}

async function partnerUser(node: Node, d: TestDistrict, username: string) {
  await withTenant(node.db.db, d.tenantId, (tx) =>
    createStaffMember(
      tx,
      systemActor(d.tenantId, 'test'),
      {
        username,
        displayName: `${username} 书记员`,
        organisationId: d.organisations.court,
        password: TEST_PASSWORD,
        roles: [{ role: 'partner-user', organisationId: d.organisations.court }],
        mustChangePassword: false,
      },
      createSecretBox(node.dataKey),
    ),
  );
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const referralRow = (node: Node, tenantId: string, id: string) =>
  withTenant(node.db.db, tenantId, async (tx) => {
    const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, id));
    return row;
  });

const eventsOf = (node: Node, tenantId: string, id: string) =>
  withTenant(node.db.db, tenantId, (tx) =>
    tx
      .select({ seq: schema.referralEvent.seq, type: schema.referralEvent.type })
      .from(schema.referralEvent)
      .where(eq(schema.referralEvent.referralId, id))
      .orderBy(schema.referralEvent.seq),
  );

const notificationsOf = (node: Node, tenantId: string, referralId: string) =>
  withTenant(node.db.db, tenantId, async (tx) =>
    (
      await tx
        .select({ messageKey: schema.notification.messageKey, recipientId: schema.notification.recipientId })
        .from(schema.notification)
        .where(eq(schema.notification.referralId, referralId))
    ).map((n) => [n.messageKey, n.recipientId]),
  );

const auditActions = (node: Node, tenantId: string, id: string) =>
  withTenant(node.db.db, tenantId, async (tx) =>
    (
      await tx
        .select({ action: schema.auditEntry.action })
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.objectId, id))
        .orderBy(schema.auditEntry.id)
    ).map((r) => r.action),
  );

async function openCase(desk: AppCaller, d: TestDistrict) {
  return desk.case.create({
    channel: 'walk-in',
    resident: {
      name: '钱居民',
      phone: '13912345678',
      idNumber: '110101199003074514',
      keyGroups: ['elderly'],
    },
    serviceType: TEST_SERVICE,
    description: '调解协议申请司法确认',
    organisationId: d.organisations.stationA,
  });
}

/** Sends a case from district `a` to `partner` (consent first) and answers the new referral. */
async function send(partner: string, summary = '人民调解协议司法确认') {
  const desk = await signIn(nodeA, a.slug, 'desk-a');
  const legalCase = await openCase(desk, a);
  await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: partner });
  const sent = await desk.referral.create({
    caseId: legalCase.id,
    toOrganisationId: partner,
    kind: 'judicial-confirmation',
    summary,
  });
  return { desk, legalCase, sent };
}

/** The incoming referral on the receiving side, once its create arrived. */
const incoming = (node: Node, d: TestDistrict, senderId: string) =>
  until(`the create of ${senderId} at ${d.slug}`, () =>
    withTenant(node.db.db, d.tenantId, async (tx) => {
      const [row] = await tx
        .select()
        .from(schema.referral)
        .where(
          sql`${schema.referral.remoteReferralId} = ${senderId} and ${schema.referral.direction} = 'incoming'`,
        );
      return row;
    }),
  );

const statusIs = (node: Node, tenantId: string, id: string, status: string) =>
  until(`${id} to be ${status}`, async () => (await referralRow(node, tenantId, id))?.status === status);

beforeAll(async () => {
  // Node B gets a database of its own in the test cluster, migrated like any deployment's.
  const ownerUrl = new URL(inject('ownerDatabaseUrl'));
  const appUrl = new URL(inject('databaseUrl'));
  extraDatabase = `linju_node_b_${randomUUID().slice(0, 8)}`;
  const owner = connect(ownerUrl.toString(), { max: 1 });
  await owner.db.execute(sql.raw(`create database ${extraDatabase}`));
  await owner.close();
  const ownerB = new URL(ownerUrl);
  ownerB.pathname = `/${extraDatabase}`;
  await migrate(ownerB.toString(), decodeURIComponent(appUrl.password));
  const appB = new URL(appUrl);
  appB.pathname = `/${extraDatabase}`;

  [nodeA, nodeB] = await Promise.all([
    makeNode(`node-a-${randomUUID().slice(0, 6)}`, appUrl.toString()),
    makeNode(`node-b-${randomUUID().slice(0, 6)}`, appB.toString()),
  ]);
  stranger = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'linju-stranger-')));
  const boxA = createSecretBox(nodeA.dataKey);
  const boxB = createSecretBox(nodeB.dataKey);
  [a, a2, b] = await Promise.all([
    createTestDistrict(nodeA.db.db, boxA, 'xa'),
    createTestDistrict(nodeA.db.db, boxA, 'xa2'),
    createTestDistrict(nodeB.db.db, boxB, 'xb'),
  ]);
  await Promise.all([partnerUser(nodeB, b, 'clerk-b'), partnerUser(nodeA, a2, 'clerk-a2')]);
  // A's partner records: B's court on node B, and a2's court on this same node (loopback).
  [remoteCourt, loopbackCourt] = await withTenant(nodeA.db.db, a.tenantId, async (tx) => {
    const actor = systemActor(a.tenantId, 'test');
    const remote = await createOrganisation(tx, actor, {
      kind: 'court',
      nameZh: '乙区人民法院',
      nameEn: 'District B court',
      remoteAddress: `${b.slug}.${b.organisations.court}@${nodeB.nodeId}`,
    });
    const loop = await createOrganisation(tx, actor, {
      kind: 'court',
      nameZh: '甲二区人民法院',
      nameEn: 'District A2 court',
      remoteAddress: `${a2.slug}.${a2.organisations.court}@${nodeA.nodeId}`,
    });
    return [remote.id, loop.id];
  });

  for (const node of [nodeA, nodeB]) {
    await startApp(node, 'server');
    await startApp(node, 'worker');
  }
  // Each operator pins the other's well-known document (keys and base URL), on purpose at a
  // loopback address, and B's operator lets A address B's court.
  const docA = await (await fetch(`${nodeA.url}${WELL_KNOWN_PATH}`)).json();
  const docB = await (await fetch(`${nodeB.url}${WELL_KNOWN_PATH}`)).json();
  await pinPeer(nodeA.db.db, docB, { allowPrivateNetwork: true });
  await pinPeer(nodeB.db.db, docA, { allowPrivateNetwork: true });
  await allowPeer(nodeB.db.db, nodeA.nodeId, `${b.slug}.${b.organisations.court}`);
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const node of [nodeA, nodeB]) {
    if (!node) continue;
    await node.connection.close().catch(() => {});
    await node.temporal.stop().catch(() => {});
    await node.db.close().catch(() => {});
    rmSync(node.dataDir, { recursive: true, force: true });
  }
  if (extraDatabase) {
    const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
    await owner.db.execute(sql.raw(`drop database if exists ${extraDatabase} with (force)`));
    await owner.close();
  }
}, 60_000);

describe('a referral between two deployments', () => {
  it('lives its whole life: sent, received, accepted, in progress, completed — each event once on both sides', async () => {
    const { desk, legalCase, sent } = await send(remoteCourt);
    expect(sent).toMatchObject({ status: 'requested', direction: 'outgoing' });
    expect(sent.toAddress).toBe(`${b.slug}.${b.organisations.court}@${nodeB.nodeId}`);

    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    expect((await referralRow(nodeA, a.tenantId, sent.id))?.remoteReferralId).toBe(there.id);

    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    const [item] = await clerk.referral.inbox({});
    expect(item).toMatchObject({
      id: there.id,
      status: 'received',
      fromAddress: `${a.slug}@${nodeA.nodeId}`,
      subject: { displayName: '钱居民', phone: '13912345678', idNumber: '110101199003074514' },
    });

    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await statusIs(nodeA, a.tenantId, sent.id, 'accepted');
    await clerk.referral.transition({ referralId: there.id, type: 'in-progress' });
    const outcome = { code: 'confirmed', text: '法院裁定调解协议有效' };
    await clerk.referral.transition({ referralId: there.id, type: 'completed', outcome });
    await statusIs(nodeA, a.tenantId, sent.id, 'completed');

    const senderRow = await referralRow(nodeA, a.tenantId, sent.id);
    expect(senderRow).toMatchObject({ outcomeCode: 'confirmed', outcomeText: outcome.text });
    // Each event exactly once, in order, on the sender's log and in its audit log.
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'accepted',
      'in-progress',
      'completed',
    ]);
    expect(await auditActions(nodeA, a.tenantId, sent.id)).toEqual([
      'referral.requested',
      'referral.received',
      'referral.accepted',
      'referral.in-progress',
      'referral.completed',
    ]);
    expect((await eventsOf(nodeB, b.tenantId, there.id)).map((e) => e.type)).toEqual([
      'received',
      'accepted',
      'in-progress',
      'completed',
    ]);
    // The outcome lands on the sender's case timeline, prompting feedback to the resident.
    const shown = await desk.case.get({ caseId: legalCase.id });
    const last = shown.timeline.filter((e) => e.kind === 'referral').at(-1);
    expect(last?.data).toMatchObject({ event: 'completed', outcome, feedbackDue: true });

    // Every message left through the outbox and was answered.
    const outA = await withTenant(nodeA.db.db, a.tenantId, (tx) => outboxOf(tx, sent.id));
    // (B marks its last message delivered once A's answer is back, a moment after A applied it.)
    const outB = await until("B's outbox to be answered", async () => {
      const rows = await withTenant(nodeB.db.db, b.tenantId, (tx) => outboxOf(tx, there.id));
      return rows.every((m) => m.status === 'delivered') && rows;
    });
    expect(outA.map((m) => m.status)).toEqual(['delivered']);
    expect(outB.map((m) => m.status)).toEqual(['delivered', 'delivered', 'delivered']);

    // The sender may read the receiver's view (a signed GET); a stranger may not.
    const view = await signedGet(nodeB, referralPath(sent.id), nodeA.key);
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({
      id: sent.id,
      status: 'completed',
      events: [{ type: 'accepted' }, { type: 'in-progress' }, { type: 'completed', outcome }],
    });
    expect((await signedGet(nodeB, referralPath(sent.id), stranger)).status).toBe(401);
    expect((await signedGet(nodeB, referralPath(randomUUID()), nodeA.key)).status).toBe(404);
  }, 120_000);

  it("carries the case's documents: the receiver fetches each, signed, checked against its hash", async () => {
    const desk = await signIn(nodeA, a.slug, 'desk-a');
    const legalCase = await openCase(desk, a);
    const pdf = Buffer.from('%PDF-1.7\n人民调解协议书（两地）\n%%EOF\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const document = await desk.case.attachDocument({
      caseId: legalCase.id,
      fileName: '人民调解协议书.pdf',
      contentType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: remoteCourt });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: remoteCourt,
      kind: 'judicial-confirmation',
      summary: '申请司法确认（附协议书）',
      documentIds: [String(document.id)],
    });
    const there = await incoming(nodeB, b, sent.id);
    const path = referralAttachmentPath(sent.id, sha256);

    // The create named it (spec: name, media type, digest, url); B keeps the name, not yet the body.
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    const item = (await clerk.referral.inbox({})).find((r) => r.id === there.id);
    expect(item?.attachments).toEqual([
      {
        sha256,
        name: '人民调解协议书.pdf',
        mediaType: 'application/pdf',
        sizeBytes: null,
        purpose: 'request',
      },
    ]);
    // Only the referral's receiver gets the file: a stranger's signature is refused, an unknown
    // hash or referral is 404, and the sender cannot ask itself for it as a receiver.
    expect((await signedGet(nodeA, path, stranger)).status).toBe(401);
    expect((await signedGet(nodeA, path.replace(sha256, '0'.repeat(64)), nodeB.key)).status).toBe(404);
    expect((await signedGet(nodeA, path.replace(sent.id, randomUUID()), nodeB.key)).status).toBe(404);
    expect((await signedGet(nodeA, path, nodeA.key)).status).toBe(404);
    const direct = await signedGet(nodeA, path, nodeB.key);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-type')).toBe('application/pdf');
    expect(direct.headers.get('content-digest')).toBe(
      `sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`,
    );
    expect(Buffer.from(await direct.arrayBuffer()).equals(pdf)).toBe(true);

    // The partner opens it: B fetches it from A, checks it and keeps it, then reads its own copy.
    const read = await clerk.referral.attachment({ referralId: there.id, sha256 });
    expect(Buffer.from(read.contentBase64, 'base64').equals(pdf)).toBe(true);
    const kept = await withTenant(nodeB.db.db, b.tenantId, (tx) =>
      tx.select().from(schema.referralAttachment).where(eq(schema.referralAttachment.referralId, there.id)),
    );
    expect(kept[0]).toMatchObject({
      sizeBytes: pdf.length,
      storageKey: `${b.tenantId}/${sha256.slice(0, 2)}/${sha256}`,
    });
    await stopApp(nodeA, 'server');
    try {
      const again = await clerk.referral.attachment({ referralId: there.id, sha256 });
      expect(Buffer.from(again.contentBase64, 'base64').equals(pdf)).toBe(true);
    } finally {
      await startApp(nodeA, 'server');
    }
    // Each read is audited on the side that served it.
    expect(await auditActions(nodeA, a.tenantId, sent.id)).toContain('referral.attachment_read');
    expect(await auditActions(nodeB, b.tenantId, there.id)).toContain('referral.attachment_read');
  }, 120_000);

  it('carries progress notes both ways, each once, onto the case timeline and into the partner inbox', async () => {
    const { desk, legalCase, sent } = await send(remoteCourt, '进展备注');
    const there = await incoming(nodeB, b, sent.id);
    // The endpoint starts the receiving workflow after its commit and marks it: long before the
    // reconciler would (it leaves referrals younger than 15 s to whoever committed them).
    await until(
      'the incoming referral marked started by the endpoint',
      async () => (await referralRow(nodeB, b.tenantId, there.id))?.workflowStartedAt,
      5_000,
    );
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await statusIs(nodeA, a.tenantId, sent.id, 'accepted');

    // The partner's note: through B's workflow and outbox to A, onto the case, who and when.
    await clerk.referral.note({ referralId: there.id, side: 'receiver', text: '已排期，下周二审查' });
    await until('the note at the sender', async () =>
      (await eventsOf(nodeA, a.tenantId, sent.id)).some((e) => e.type === 'note'),
    );
    const shown = await desk.case.get({ caseId: legalCase.id });
    const entry = shown.timeline.find(
      (e) => e.kind === 'referral' && (e.data as { event?: string }).event === 'note',
    );
    expect(entry).toMatchObject({
      actorName: 'clerk-b 书记员',
      text: '已排期，下周二审查',
      data: { event: 'note', party: 'receiver', status: 'accepted', referralId: sent.id },
    });
    expect(Number.isNaN(new Date(entry?.at ?? '').getTime())).toBe(false);
    // A note moves nothing; the case's people are told.
    expect((await referralRow(nodeA, a.tenantId, sent.id))?.status).toBe('accepted');
    expect((await notificationsOf(nodeA, a.tenantId, sent.id)).map(([key]) => key)).toContain(
      'notification.referral_note',
    );

    // The sender's note: through A's outbox to B, into the partner's inbox.
    await desk.referral.note({ referralId: sent.id, side: 'sender', text: '当事人补充了证据材料' });
    const item = await until('the sender’s note in the inbox', async () =>
      (await clerk.referral.inbox({})).find((r) => r.id === there.id && r.notes.length === 2),
    );
    expect(item.notes).toMatchObject([
      { party: 'receiver', by: 'clerk-b 书记员', text: '已排期，下周二审查' },
      { party: 'sender', text: '当事人补充了证据材料' },
    ]);

    // B's note message delivered again (same key, fresh signature): applied once.
    const noteKey = (await withTenant(nodeB.db.db, b.tenantId, (tx) => outboxOf(tx, there.id))).find((m) =>
      m.id.endsWith('.3'),
    )?.id;
    expect(noteKey).toBe(`${there.id}.3`);
    const again = JSON.stringify({
      type: 'note',
      at: new Date().toISOString(),
      by: { name: 'clerk-b 书记员', role: 'partner-user' },
      reason: '已排期，下周二审查',
    });
    expect((await postEvent(sent.id, again, { idempotencyKey: noteKey })).status).toBe(202);
    // Each once on both sides, and in the sender's audit log.
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'accepted',
      'note',
      'note',
    ]);
    expect((await eventsOf(nodeB, b.tenantId, there.id)).map((e) => e.type)).toEqual([
      'received',
      'accepted',
      'note',
      'note',
    ]);
    expect(
      (await auditActions(nodeA, a.tenantId, sent.id)).filter((x) => x === 'referral.note'),
    ).toHaveLength(2);

    // A final referral takes no note, on either side.
    await clerk.referral.transition({
      referralId: there.id,
      type: 'failed',
      reason: '当事人撤回申请',
    });
    await statusIs(nodeA, a.tenantId, sent.id, 'failed');
    const refusal = (e: { message: string }) => e.message;
    expect(
      await clerk.referral
        .note({ referralId: there.id, side: 'receiver', text: '迟到的备注' })
        .catch(refusal),
    ).toBe('referral.transition_invalid');
    expect(
      await desk.referral.note({ referralId: sent.id, side: 'sender', text: '迟到的备注' }).catch(refusal),
    ).toBe('referral.transition_invalid');
  }, 120_000);

  it('brings the documents returned with the outcome back as documents of the case, fetched signed from the receiver', async () => {
    const { desk, legalCase, sent } = await send(remoteCourt, '结果文书');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await clerk.referral.transition({ referralId: there.id, type: 'in-progress' });
    const ruling = Buffer.from('%PDF-1.7\n民事裁定书（确认调解协议有效）\n%%EOF\n');
    const sha256 = createHash('sha256').update(ruling).digest('hex');
    const outcome = { code: 'confirmed', text: '裁定调解协议有效' };
    // Checked like a case document: an executable is refused, and nothing moves.
    const refused = await clerk.referral
      .transition({
        referralId: there.id,
        type: 'completed',
        outcome: {
          ...outcome,
          documents: [{ fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' }],
        },
      })
      .catch((e: { message: string }) => e.message);
    expect(refused).toBe('case.document_type_not_allowed');
    expect((await referralRow(nodeB, b.tenantId, there.id))?.status).toBe('in-progress');

    await clerk.referral.transition({
      referralId: there.id,
      type: 'completed',
      outcome: {
        ...outcome,
        documents: [
          {
            fileName: '民事裁定书.pdf',
            contentType: 'application/pdf',
            contentBase64: ruling.toString('base64'),
          },
        ],
      },
    });
    await statusIs(nodeA, a.tenantId, sent.id, 'completed');

    // On the sender it is a document of the case, readable there, with its timeline entry.
    const shown = await desk.case.get({ caseId: legalCase.id });
    const document = shown.documents.find((d) => d.sha256 === sha256);
    expect(document).toMatchObject({
      fileName: '民事裁定书.pdf',
      contentType: 'application/pdf',
      sizeBytes: ruling.length,
    });
    const read = await desk.case.getDocument({ caseId: legalCase.id, documentId: String(document?.id) });
    expect(Buffer.from(read.contentBase64, 'base64').equals(ruling)).toBe(true);
    expect(shown.timeline.find((e) => e.kind === 'document' && e.data.sha256 === sha256)).toMatchObject({
      actorName: 'clerk-b 书记员',
      data: { fileName: '民事裁定书.pdf', referralId: sent.id, source: 'referral-outcome' },
    });
    const completed = shown.timeline.filter((e) => e.kind === 'referral').at(-1);
    expect(completed?.data).toMatchObject({
      event: 'completed',
      outcome,
      documents: [{ name: '民事裁定书.pdf', sha256, documentId: document?.id }],
    });

    // B serves it only to the referral's sender (spec: symmetric to the create's attachments).
    const path = referralAttachmentPath(sent.id, sha256);
    const served = await signedGet(nodeB, path, nodeA.key);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(ruling)).toBe(true);
    expect((await signedGet(nodeB, path, stranger)).status).toBe(401);
    expect((await signedGet(nodeB, path, nodeB.key)).status).toBe(404);
    expect((await signedGet(nodeB, path.replace(sha256, '0'.repeat(64)), nodeA.key)).status).toBe(404);
    // The receiver's view names it at that path.
    const view = await (await signedGet(nodeB, referralPath(sent.id), nodeA.key)).json();
    expect(view.events.at(-1)).toMatchObject({
      type: 'completed',
      outcome: { ...outcome, documents: [{ name: '民事裁定书.pdf', sha256, url: path }] },
    });
    expect(await auditActions(nodeB, b.tenantId, there.id)).toContain('referral.attachment_read');
  }, 120_000);

  it('returns outcome documents over loopback to another district of the same deployment, the same path', async () => {
    const { desk, legalCase, sent } = await send(loopbackCourt, '同一部署的结果文书');
    const there = await incoming(nodeA, a2, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeA, a2.slug, 'clerk-a2');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await clerk.referral.transition({ referralId: there.id, type: 'in-progress' });
    const text = Buffer.from('调解书送达回证：已送达双方当事人');
    const sha256 = createHash('sha256').update(text).digest('hex');
    await clerk.referral.transition({
      referralId: there.id,
      type: 'completed',
      outcome: {
        code: 'served',
        text: '已送达',
        documents: [
          { fileName: '送达回证.txt', contentType: 'text/plain', contentBase64: text.toString('base64') },
        ],
      },
    });
    await statusIs(nodeA, a.tenantId, sent.id, 'completed');
    const shown = await desk.case.get({ caseId: legalCase.id });
    expect(shown.documents.find((d) => d.sha256 === sha256)).toMatchObject({ fileName: '送达回证.txt' });
  }, 60_000);

  it('brings the documents returned with a failure back the same way, across nodes and over loopback', async () => {
    // Across nodes: the court refuses the confirmation and returns its ruling with the reason.
    const { desk, legalCase, sent } = await send(remoteCourt, '未能确认的结果文书');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    const ruling = Buffer.from('%PDF-1.7\n民事裁定书（不予确认调解协议）\n%%EOF\n');
    const sha256 = createHash('sha256').update(ruling).digest('hex');
    const outcome = { code: 'not-confirmed', text: '裁定不予确认' };
    const documents = [
      {
        fileName: '不予确认裁定书.pdf',
        contentType: 'application/pdf',
        contentBase64: ruling.toString('base64'),
      },
    ];
    // Checked like a completion's: an executable is refused, and nothing moves.
    const refused = await clerk.referral
      .transition({
        referralId: there.id,
        type: 'failed',
        reason: '协议内容违反法律规定',
        outcome: {
          ...outcome,
          documents: [{ fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' }],
        },
      })
      .catch((e: { message: string }) => e.message);
    expect(refused).toBe('case.document_type_not_allowed');
    expect((await referralRow(nodeB, b.tenantId, there.id))?.status).toBe('accepted');
    await clerk.referral.transition({
      referralId: there.id,
      type: 'failed',
      reason: '协议内容违反法律规定',
      outcome: { ...outcome, documents },
    });
    await statusIs(nodeA, a.tenantId, sent.id, 'failed');
    expect(await referralRow(nodeA, a.tenantId, sent.id)).toMatchObject({
      reason: '协议内容违反法律规定',
      outcomeCode: 'not-confirmed',
      outcomeText: outcome.text,
    });
    const shown = await desk.case.get({ caseId: legalCase.id });
    const document = shown.documents.find((d) => d.sha256 === sha256);
    expect(document).toMatchObject({ fileName: '不予确认裁定书.pdf', sizeBytes: ruling.length });
    const read = await desk.case.getDocument({ caseId: legalCase.id, documentId: String(document?.id) });
    expect(Buffer.from(read.contentBase64, 'base64').equals(ruling)).toBe(true);
    expect(shown.timeline.find((e) => e.kind === 'document' && e.data.sha256 === sha256)).toMatchObject({
      actorName: 'clerk-b 书记员',
      data: { referralId: sent.id, source: 'referral-outcome' },
    });
    expect(shown.timeline.filter((e) => e.kind === 'referral').at(-1)).toMatchObject({
      text: '协议内容违反法律规定',
      data: {
        event: 'failed',
        outcome,
        documents: [{ name: '不予确认裁定书.pdf', sha256, documentId: document?.id }],
        feedbackDue: true,
      },
    });
    expect((await desk.referral.getMany({ caseId: legalCase.id }))[0]?.missingDocuments).toEqual([]);

    // Over loopback, the same path.
    const loop = await send(loopbackCourt, '同一部署的未能办结');
    const loopThere = await incoming(nodeA, a2, loop.sent.id);
    await statusIs(nodeA, a.tenantId, loop.sent.id, 'received');
    const clerkA2 = await signIn(nodeA, a2.slug, 'clerk-a2');
    await clerkA2.referral.transition({ referralId: loopThere.id, type: 'accepted' });
    await clerkA2.referral.transition({ referralId: loopThere.id, type: 'in-progress' });
    const note = Buffer.from('当事人未到庭，无法确认');
    await clerkA2.referral.transition({
      referralId: loopThere.id,
      type: 'failed',
      reason: '当事人未到庭',
      outcome: {
        code: 'absent',
        text: '当事人未到庭',
        documents: [
          { fileName: '情况说明.txt', contentType: 'text/plain', contentBase64: note.toString('base64') },
        ],
      },
    });
    await statusIs(nodeA, a.tenantId, loop.sent.id, 'failed');
    const loopShown = await loop.desk.case.get({ caseId: loop.legalCase.id });
    expect(
      loopShown.documents.find((d) => d.sha256 === createHash('sha256').update(note).digest('hex')),
    ).toMatchObject({ fileName: '情况说明.txt', sizeBytes: note.length });
  }, 120_000);

  it('takes a failure without an outcome through the exchange, as before: the reason only', async () => {
    const { desk, legalCase, sent } = await send(remoteCourt, '无结果文书的未能办结');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await clerk.referral.transition({ referralId: there.id, type: 'failed', reason: '联系不上当事人' });
    await statusIs(nodeA, a.tenantId, sent.id, 'failed');
    expect(await referralRow(nodeA, a.tenantId, sent.id)).toMatchObject({
      reason: '联系不上当事人',
      outcomeCode: null,
    });
    const last = (await desk.case.get({ caseId: legalCase.id })).timeline
      .filter((e) => e.kind === 'referral')
      .at(-1);
    expect(last).toMatchObject({ text: '联系不上当事人', data: { event: 'failed', feedbackDue: true } });
    expect(last?.data).not.toHaveProperty('documents');
  }, 60_000);

  it('fetches a returned document again that the receiver refused at first, once it serves it', async () => {
    const { desk, legalCase, sent } = await send(remoteCourt, '再次获取结果文书');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await clerk.referral.transition({ referralId: there.id, type: 'in-progress' });
    await statusIs(nodeA, a.tenantId, sent.id, 'in-progress');
    // A's server is away while B completes, so B's message waits in B's outbox; meanwhile B loses
    // the document's body (its row no longer names a stored file): B then answers A's fetch 404.
    await stopApp(nodeA, 'server');
    const ruling = Buffer.from('%PDF-1.7\n民事裁定书（确认有效）\n%%EOF\n');
    const sha256 = createHash('sha256').update(ruling).digest('hex');
    await clerk.referral.transition({
      referralId: there.id,
      type: 'completed',
      outcome: {
        code: 'confirmed',
        text: '裁定调解协议有效',
        documents: [
          {
            fileName: '民事裁定书.pdf',
            contentType: 'application/pdf',
            contentBase64: ruling.toString('base64'),
          },
        ],
      },
    });
    const storedAtB = (storageKey: string | null) =>
      withTenant(nodeB.db.db, b.tenantId, (tx) =>
        tx
          .update(schema.referralAttachment)
          .set({ storageKey })
          .where(
            sql`${schema.referralAttachment.referralId} = ${there.id} and ${schema.referralAttachment.sha256} = ${sha256}`,
          )
          .returning({ storageKey: schema.referralAttachment.storageKey }),
      );
    const [kept] = await withTenant(nodeB.db.db, b.tenantId, (tx) =>
      tx
        .select({ storageKey: schema.referralAttachment.storageKey })
        .from(schema.referralAttachment)
        .where(eq(schema.referralAttachment.referralId, there.id)),
    );
    await storedAtB(null);
    await startApp(nodeA, 'server');
    await statusIs(nodeA, a.tenantId, sent.id, 'completed');

    // Refused for good (404): recorded as missing, not a document of the case; the page names it.
    expect((await desk.case.get({ caseId: legalCase.id })).documents.find((d) => d.sha256 === sha256)).toBe(
      undefined,
    );
    const listed = async () => (await desk.referral.getMany({ caseId: legalCase.id }))[0]?.missingDocuments;
    expect(await listed()).toEqual([{ sha256, name: '民事裁定书.pdf' }]);
    // Fetching again while B still refuses: a clear refusal, nothing changes.
    const again = await desk.referral
      .fetchOutcomeDocument({ referralId: sent.id, sha256 })
      .catch((e: { code: string; message: string }) => `${e.code} ${e.message}`);
    expect(again).toBe('CONFLICT referral.outcome_document_refused');
    expect(await listed()).toEqual([{ sha256, name: '民事裁定书.pdf' }]);
    // Not the sender's: a partner user of another district of A cannot, nor can anyone ask for
    // a document that is not one returned with the outcome.
    const stranger = await signIn(nodeA, a2.slug, 'clerk-a2');
    expect(
      await stranger.referral
        .fetchOutcomeDocument({ referralId: sent.id, sha256 })
        .catch((e: { code: string }) => e.code),
    ).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(
      await desk.referral
        .fetchOutcomeDocument({ referralId: sent.id, sha256: '0'.repeat(64) })
        .catch((e: { message: string }) => e.message),
    ).toBe('referral.attachment_not_found');

    // B has its file back: fetched again, it becomes a document of the case, with its entry and audit.
    await storedAtB(kept?.storageKey ?? null);
    const fetched = await desk.referral.fetchOutcomeDocument({ referralId: sent.id, sha256 });
    expect(fetched).toMatchObject({
      referralId: sent.id,
      caseId: legalCase.id,
      sha256,
      fileName: '民事裁定书.pdf',
    });
    const shown = await desk.case.get({ caseId: legalCase.id });
    const document = shown.documents.find((d) => d.sha256 === sha256);
    expect(document).toMatchObject({
      id: fetched.documentId,
      fileName: '民事裁定书.pdf',
      sizeBytes: ruling.length,
    });
    const read = await desk.case.getDocument({ caseId: legalCase.id, documentId: fetched.documentId });
    expect(Buffer.from(read.contentBase64, 'base64').equals(ruling)).toBe(true);
    expect(shown.timeline.find((e) => e.kind === 'document' && e.data.sha256 === sha256)).toMatchObject({
      actorName: 'desk-a',
      data: { referralId: sent.id, source: 'referral-outcome', fetchedAgain: true },
    });
    expect(await auditActions(nodeA, a.tenantId, legalCase.id)).toContain(
      'referral.outcome_document_fetched',
    );
    expect(await listed()).toEqual([]);
    // A second click changes nothing: the same document.
    expect(await desk.referral.fetchOutcomeDocument({ referralId: sent.id, sha256 })).toEqual(fetched);
    expect(
      (await desk.case.get({ caseId: legalCase.id })).documents.filter((d) => d.sha256 === sha256),
    ).toHaveLength(1);
  }, 120_000);

  it('goes through the same path to another district of the same deployment (loopback), and is re-routed in one step', async () => {
    const { desk, legalCase, sent } = await send(loopbackCourt, '移送同一部署的另一区');
    const there = await incoming(nodeA, a2, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const clerk = await signIn(nodeA, a2.slug, 'clerk-a2');
    await clerk.referral.transition({ referralId: there.id, type: 'rejected', reason: '不属于本院管辖' });
    await statusIs(nodeA, a.tenantId, sent.id, 'rejected');
    expect((await referralRow(nodeA, a.tenantId, sent.id))?.reason).toBe('不属于本院管辖');
    // The first responder (who also sent it) is told, once, in the app.
    expect(await notificationsOf(nodeA, a.tenantId, sent.id)).toEqual([
      ['notification.referral_rejected', a.people.deskA],
    ]);
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'rejected',
    ]);
    // Signed by this node's own key and checked like any peer's.
    const out = await withTenant(nodeA.db.db, a.tenantId, (tx) => outboxOf(tx, sent.id));
    expect(out.map((m) => [m.peerNode, m.status])).toEqual([[nodeA.nodeId, 'delivered']]);

    // Rejected: re-routed to the court on node B in one call, the old referral's history kept.
    // (The resident is the one of the first test, whose consent for that court stands.)
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: remoteCourt });
    const rerouted = await desk.referral.reroute({
      referralId: sent.id,
      toOrganisationId: remoteCourt,
      reason: '改送乙区法院',
    });
    expect(rerouted).toMatchObject({
      status: 'requested',
      reroutedFrom: sent.id,
      toOrganisationId: remoteCourt,
    });
    await incoming(nodeB, b, rerouted.id);
    await statusIs(nodeA, a.tenantId, rerouted.id, 'received');
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'rejected',
    ]);
    const again = await desk.referral
      .reroute({ referralId: rerouted.id, toOrganisationId: loopbackCourt, reason: '再改派' })
      .then(
        () => 'sent',
        (e: { message: string }) => e.message,
      );
    expect(again).toBe('referral.reroute_not_allowed');
  }, 60_000);

  it("carries the sender's cancellation to the receiver, which then refuses to answer", async () => {
    const { desk, sent } = await send(remoteCourt, '发送方撤回');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    await desk.referral.cancel({ referralId: sent.id, reason: '当事人已和解' });
    await statusIs(nodeB, b.tenantId, there.id, 'cancelled');
    expect((await referralRow(nodeB, b.tenantId, there.id))?.reason).toBe('当事人已和解');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    const late = await clerk.referral.transition({ referralId: there.id, type: 'accepted' }).then(
      () => 'accepted',
      (e: { message: string }) => e.message,
    );
    expect(late).toBe('referral.transition_invalid');
    expect((await eventsOf(nodeB, b.tenantId, there.id)).map((e) => e.type)).toEqual([
      'received',
      'cancelled',
    ]);
  }, 60_000);

  it('escalates a create the receiver refuses for good (403), and re-routes it in one step', async () => {
    const nowhere = await withTenant(nodeA.db.db, a.tenantId, (tx) =>
      createOrganisation(tx, systemActor(a.tenantId, 'test'), {
        kind: 'court',
        nameZh: '地址有误的法院',
        nameEn: 'Court with a wrong address',
        remoteAddress: `${b.slug}.${randomUUID()}@${nodeB.nodeId}`,
      }),
    );
    const { desk, legalCase, sent } = await send(nowhere.id, '地址错误');
    await until('the refusal', async () => {
      const [message] = await withTenant(nodeA.db.db, a.tenantId, (tx) => outboxOf(tx, sent.id));
      return message?.status === 'failed' && message;
    });
    await until('the escalation', async () =>
      (await eventsOf(nodeA, a.tenantId, sent.id)).some((e) => e.type === 'escalated'),
    );
    expect((await notificationsOf(nodeA, a.tenantId, sent.id)).map(([key]) => key)).toContain(
      'notification.referral_escalated_delivery',
    );
    // Still open (requested) but escalated: re-routed, the old one cancelled with the reason.
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: remoteCourt });
    const rerouted = await desk.referral.reroute({
      referralId: sent.id,
      toOrganisationId: remoteCourt,
      reason: '地址有误，改送乙区法院',
    });
    expect(await referralRow(nodeA, a.tenantId, sent.id)).toMatchObject({
      status: 'cancelled',
      reason: '地址有误，改送乙区法院',
    });
    await incoming(nodeB, b, rerouted.id);
    await statusIs(nodeA, a.tenantId, rerouted.id, 'received');
    // The receiver never held the refused one: no cancellation is sent there.
    const out = await withTenant(nodeA.db.db, a.tenantId, (tx) => outboxOf(tx, sent.id));
    expect(out.map((m) => m.status)).toEqual(['failed']);
  }, 60_000);

  it('delivers from the outbox once the receiver is back, after being down', async () => {
    await stopApp(nodeB, 'server');
    const { sent } = await send(remoteCourt, '接收方停机期间发送');
    // The outbox keeps trying (and says why), the referral waits at `requested`.
    await until('a failed attempt', async () => {
      const [message] = await withTenant(nodeA.db.db, a.tenantId, (tx) => outboxOf(tx, sent.id));
      return message && message.attempts >= 2 && message.status === 'pending' && message.lastError;
    });
    expect((await referralRow(nodeA, a.tenantId, sent.id))?.status).toBe('requested');
    await startApp(nodeB, 'server');
    await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
    ]);
  }, 90_000);

  it('survives the workers killed mid-flight and restarted: nothing lost, nothing twice', async () => {
    const { sent } = await send(remoteCourt, '工作进程中途被杀');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    // Both workers die without a chance to finish anything; the partner answers meanwhile.
    await stopApp(nodeA, 'worker', 'SIGKILL');
    await stopApp(nodeB, 'worker', 'SIGKILL');
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    const answering = clerk.referral.transition({ referralId: there.id, type: 'accepted' });
    await sleep(1500);
    await startApp(nodeB, 'worker');
    await answering;
    await sleep(1500);
    await startApp(nodeA, 'worker');
    await statusIs(nodeA, a.tenantId, sent.id, 'accepted');
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'accepted',
    ]);
    expect((await eventsOf(nodeB, b.tenantId, there.id)).map((e) => e.type)).toEqual([
      'received',
      'accepted',
    ]);
  }, 120_000);

  it('survives the Temporal dev server restarted on its SQLite file', async () => {
    const { sent } = await send(remoteCourt, 'Temporal 重启');
    const there = await incoming(nodeB, b, sent.id);
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    await nodeB.temporal.stop();
    await nodeA.temporal.stop();
    nodeA.temporal = await startTemporal(nodeA);
    nodeB.temporal = await startTemporal(nodeB);
    const clerk = await signIn(nodeB, b.slug, 'clerk-b');
    await until('node B answering after the restart', () =>
      clerk.referral.transition({ referralId: there.id, type: 'rejected', reason: '材料不全' }).then(
        () => true,
        () => false,
      ),
    );
    await statusIs(nodeA, a.tenantId, sent.id, 'rejected');
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'rejected',
    ]);
  }, 150_000);
});

function signedGet(node: Node, path: string, key: NodeKey) {
  const url = `${node.url}${path}`;
  const signature = signRequest({ method: 'GET', url, headers: {}, key: key.privateKey, kid: key.kid });
  return fetch(url, { headers: { ...signature } });
}

/** Posts an event to node A as node B would, with what a test wants to break. */
async function postEvent(
  referralId: string,
  body: string,
  options: { key?: NodeKey; kid?: string; nonce?: string; sendBody?: string; idempotencyKey?: string } = {},
) {
  const url = `${nodeA.url}${referralEventsPath(referralId)}`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'Linju-Idempotency-Key': options.idempotencyKey ?? randomUUID(),
  };
  const key = options.key ?? nodeB.key;
  const signature = signRequest({
    method: 'POST',
    url,
    headers,
    body,
    key: key.privateKey,
    kid: options.kid ?? key.kid,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  return fetch(url, {
    method: 'POST',
    headers: { ...headers, ...signature },
    body: options.sendBody ?? body,
  });
}

describe('refusals of the events endpoint, each leaving the referral as it was', () => {
  it('refuses a forged signature, an unknown key, a replay, a changed digest, an invalid move and an oversized body', async () => {
    const { sent } = await send(remoteCourt, '拒绝用例');
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const before = await eventsOf(nodeA, a.tenantId, sent.id);
    const at = new Date().toISOString();
    const accepted = JSON.stringify({ type: 'accepted', at, by: { name: '伪造者', role: 'clerk' } });

    // Signed with another key under B's key id: the signature does not verify.
    expect((await postEvent(sent.id, accepted, { key: stranger, kid: nodeB.key.kid })).status).toBe(401);
    // A key nobody pinned.
    expect((await postEvent(sent.id, accepted, { key: stranger })).status).toBe(401);
    // A replayed nonce (the first request is fine and moves no state: it is a note, kept once).
    const note = JSON.stringify({
      type: 'note',
      at,
      by: { name: '书记员', role: 'clerk' },
      reason: '已收到',
    });
    const nonce = randomUUID();
    expect((await postEvent(sent.id, note, { nonce })).status).toBe(202);
    expect((await postEvent(sent.id, note, { nonce })).status).toBe(401);
    // The body changed after signing: its digest no longer matches.
    expect(
      (await postEvent(sent.id, accepted, { sendBody: accepted.replace('伪造者', '篡改者') })).status,
    ).toBe(401);
    // A move the state machine does not allow (received → completed) answers 409 with the state.
    const completed = JSON.stringify({
      type: 'completed',
      at,
      by: { name: '书记员', role: 'clerk' },
      outcome: { code: 'x', text: 'y' },
    });
    const invalid = await postEvent(sent.id, completed);
    expect(invalid.status).toBe(409);
    expect(await invalid.json()).toMatchObject({ currentState: 'received' });
    // The sender's own event (cancelled) from the receiver is not B's to send: no such referral of B's.
    const cancelled = JSON.stringify({ type: 'cancelled', at, by: { name: 'x', role: 'y' }, reason: 'z' });
    expect((await postEvent(sent.id, cancelled)).status).toBe(404);
    // Over 1 MiB.
    const huge = JSON.stringify({
      type: 'note',
      at,
      by: { name: 'x', role: 'y' },
      reason: 'x'.repeat(1024 * 1024),
    });
    expect((await postEvent(sent.id, huge)).status).toBe(413);

    expect((await referralRow(nodeA, a.tenantId, sent.id))?.status).toBe('received');
    expect(await eventsOf(nodeA, a.tenantId, sent.id)).toEqual([
      ...before,
      { seq: before.length + 1, type: 'note' },
    ]);
  }, 60_000);

  it('applies an event delivered twice (same idempotency key, fresh signature) once', async () => {
    const { sent } = await send(remoteCourt, '重复投递');
    await statusIs(nodeA, a.tenantId, sent.id, 'received');
    const body = JSON.stringify({
      type: 'accepted',
      at: new Date().toISOString(),
      by: { name: '书记员', role: 'clerk' },
    });
    const idempotencyKey = randomUUID();
    const [first, second] = await Promise.all([
      postEvent(sent.id, body, { idempotencyKey }),
      postEvent(sent.id, body, { idempotencyKey }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect((await postEvent(sent.id, body, { idempotencyKey })).status).toBe(202);
    expect((await eventsOf(nodeA, a.tenantId, sent.id)).map((e) => e.type)).toEqual([
      'requested',
      'received',
      'accepted',
    ]);
  }, 60_000);
});
