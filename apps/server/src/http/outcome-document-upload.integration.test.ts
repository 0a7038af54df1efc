import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import {
  createOrganisation,
  createPostgresDocumentStore,
  createStaffMember,
  systemActor,
  uploadMaxBytes,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, eq, freePort, schema, withTenant } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { createLogger } from '@linju/logging';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * A partner's answer with its outcome documents, over a real socket as a browser without JavaScript
 * posts it: the one-time link page (`/p/<token>`) and the partner inbox (`/t/<slug>/referrals`).
 * The files stream into the document store in PostgreSQL (never base64 in JSON), the size cap
 * answers on the form's file field, and the workflow (a real worker process on its own Temporal dev
 * server) makes each a document of the sender's case, which downloads byte-identical.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const dataKey = Buffer.from(inject('dataKey'), 'base64');
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(dataKey);
const MiB = 1024 * 1024;
const CSRF = 'outcome-upload-token';
let server: Server;
let worker: ChildProcess;
let workerOutput = '';
let temporal: TemporalDevServer;
let connection: Connection;
let base: string;
let district: TestDistrict;
let federation: string;
let desk: string;
let clerk: string;

const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

async function trpc<T>(procedure: string, input: unknown, session?: string): Promise<T> {
  const answer = await fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: `linju_session=${session}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = await answer.json();
  if (!answer.ok) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
  return body.result.data as T;
}

const signIn = async (username: string) =>
  (
    await trpc<{ sessionToken: string }>('auth.login', {
      tenantSlug: district.slug,
      username,
      password: TEST_PASSWORD,
    })
  ).sessionToken;

/** Posts a form as the browser does (the token first, the files last); the first answer tells success from refusal. */
function post(path: string, fields: Record<string, string>, files: Buffer[] = [], session?: string) {
  const form = new FormData();
  form.append('csrf', CSRF);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [n, file] of files.entries())
    form.append('documents', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), `判决书${n}.pdf`);
  return fetch(`${base}${path}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: {
      cookie: `linju_csrf=${CSRF}${session ? `; linju_session=${session}` : ''}`,
      origin: base,
    },
  });
}

/** A case referred to `to`, with its one-time link when the partner has no account. */
async function referTo(to: string, kind: string) {
  const legalCase = await trpc<{ id: string }>(
    'case.create',
    {
      channel: 'walk-in',
      resident: { name: '钱女士', phone: '13912345678' },
      serviceType: TEST_SERVICE,
      description: '家庭纠纷，需协助',
      organisationId: district.organisations.stationA,
    },
    desk,
  );
  await trpc('case.recordConsent', { caseId: legalCase.id, partnerOrganisationId: to }, desk);
  const sent = await trpc<{ id: string; partnerLink?: { token: string } }>(
    'referral.create',
    { caseId: legalCase.id, toOrganisationId: to, kind, summary: '请协助处理' },
    desk,
  );
  return { caseId: legalCase.id, referralId: sent.id, token: sent.partnerLink?.token ?? '' };
}

const caseDocuments = (caseId: string) =>
  withTenant(db, district.tenantId, (tx) =>
    tx.select().from(schema.caseDocument).where(eq(schema.caseDocument.caseId, caseId)),
  );

const storedCounts = () =>
  withTenant(db, district.tenantId, async (tx) => ({
    blobs: (await tx.select({ id: schema.documentBlob.id }).from(schema.documentBlob)).length,
    chunks: (await tx.select({ n: schema.documentChunk.chunk }).from(schema.documentChunk)).length,
  }));

/** The case's one document, downloaded by the front desk: byte-identical to what the partner sent. */
async function expectDownloadable(caseId: string, sent: Buffer) {
  const [document] = await caseDocuments(caseId);
  expect(document).toMatchObject({ sizeBytes: sent.length, contentType: 'application/pdf' });
  const download = await fetch(`${base}/t/${district.slug}/cases/${caseId}/documents/${document?.id}`, {
    headers: { cookie: `linju_session=${desk}` },
  });
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer()).equals(sent)).toBe(true);
}

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'outcome-docs');
  await withTenant(db, district.tenantId, async (tx) => {
    const actor = systemActor(district.tenantId, 'test');
    federation = (
      await createOrganisation(tx, actor, {
        kind: 'federation',
        nameZh: '测试区妇联',
        nameEn: 'Test women’s federation',
        phone: '021-64000000',
      })
    ).id;
    await createStaffMember(
      tx,
      actor,
      {
        username: 'clerk',
        displayName: '书记员',
        organisationId: district.organisations.court,
        password: TEST_PASSWORD,
        roles: [{ role: 'partner-user', organisationId: district.organisations.court }],
        mustChangePassword: false,
      },
      box,
    );
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'linju-outcome-docs-'));
  temporal = await startTemporalDevServer({
    cli: ensureTemporalCli(),
    port: await freePort(),
    dbFile: join(dataDir, 'temporal.db'),
  });
  worker = spawn(process.execPath, [join(repoRoot, 'apps', 'worker', 'src', 'main.ts')], {
    env: {
      ...process.env,
      DATABASE_APP_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: temporal.address,
      LINJU_DATA_DIR: dataDir,
      LINJU_DATA_KEY: inject('dataKey'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    workerOutput = (workerOutput + chunk.toString()).slice(-20_000);
  };
  worker.stdout?.on('data', keep);
  worker.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const started = () => {
      if (workerOutput.includes('"event":"started"')) resolve();
    };
    worker.stdout?.on('data', started);
    worker.once('exit', (code) => reject(new Error(`the worker exited (${code}): ${workerOutput}`)));
  });
  connection = await Connection.connect({ address: temporal.address });
  const client = new Client({
    connection,
    namespace: 'default',
    dataConverter: linjuDataConverter({ current: dataKey, retired: [] }),
  });
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: createLogger('server', 'silent'),
      temporalHealthy: async () => true,
      temporal: { client, taskQueue: 'linju-referrals', nodeId: 'linju-test' },
      files: createPostgresDocumentStore({ db, box, maxBytes: uploadMaxBytes({}) }),
      admin: await loadAdminApp(join(repoRoot, 'apps', 'admin', 'build')),
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  [desk, clerk] = [await signIn('desk-a'), await signIn('clerk')];
}, 180_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  if (worker && worker.exitCode === null) {
    const exited = new Promise((r) => worker.once('exit', r));
    worker.kill('SIGTERM');
    await exited;
  }
  await connection?.close();
  await temporal?.stop();
  await close();
});

describe("a partner's outcome documents stream into the store", () => {
  it('through the one-time link page: 21 MiB refused on the field storing nothing, 5 MiB kept and downloadable', async () => {
    const { caseId, token } = await referTo(federation, 'assistance');
    expect(token).not.toBe('');
    for (const type of ['accepted', 'in-progress'])
      expect((await post(`/p/${token}`, { type })).status).toBe(302);

    const before = await storedCounts();
    const refused = await post(
      `/p/${token}`,
      { type: 'completed', kind: 'assistance', outcomeCode: 'resolved', outcomeText: '已调处' },
      [pdfOf(21 * MiB)],
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('文件太大，最大 20 MB，未予保存。');
    expect(page).toMatch(
      /id="completed-documents"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="completed-documents"/,
    );
    expect(await storedCounts()).toEqual(before);

    const pdf = pdfOf(5 * MiB);
    const completed = await post(
      `/p/${token}`,
      { type: 'completed', kind: 'assistance', outcomeCode: 'resolved', outcomeText: '已调处' },
      [pdf],
    );
    expect(completed.status).toBe(302);
    expect(completed.headers.get('location')).toContain('done=completed');
    await expectDownloadable(caseId, pdf);
  });

  it('through the partner inbox: 21 MiB refused on the field storing nothing, 5 MiB kept and downloadable', async () => {
    const { caseId, referralId } = await referTo(district.organisations.court, 'judicial-confirmation');
    const inbox = `/t/${district.slug}/referrals`;
    for (const type of ['accepted', 'in-progress'])
      expect((await post(inbox, { referralId, type }, [], clerk)).status).toBe(302);

    const before = await storedCounts();
    const answer = {
      referralId,
      type: 'completed',
      kind: 'judicial-confirmation',
      outcomeCode: 'confirmed',
      rulingNumber: '（2026）沪0104民特1号',
      outcomeText: '已确认',
    };
    const refused = await post(inbox, answer, [pdfOf(21 * MiB)], clerk);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('文件太大，最大 20 MB，未予保存。');
    expect(await storedCounts()).toEqual(before);

    const pdf = pdfOf(5 * MiB);
    const completed = await post(inbox, answer, [pdf], clerk);
    expect(completed.status).toBe(302);
    await expectDownloadable(caseId, pdf);
    // The partner reads it back from its inbox, streamed with the record's length.
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const again = await fetch(`${base}${inbox}/${referralId}/attachments/${sha256}`, {
      headers: { cookie: `linju_session=${clerk}` },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('content-length')).toBe(String(pdf.length));
    expect(again.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('判决书0.pdf')}`,
    );
    expect(Buffer.from(await again.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
