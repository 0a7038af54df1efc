import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createPostgresDocumentStore, intakeCase, uploadMaxBytes } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { connect, eq, schema, withTenant } from '@linju/db';
import { createLogger } from '@linju/logging';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * The case page's "attach a document" form over a real socket, as a browser without JavaScript
 * posts it (multipart, the token first): the file streams into the document store in PostgreSQL,
 * the size cap and the content check answer on the form's file field, and a refusal stores nothing.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const MiB = 1024 * 1024;
let server: Server;
let base: string;
let district: TestDistrict;
let caseId: string;
let session: string;

const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4000)]);

/** Posts the attach form; `redirect: manual`, as the browser's first answer is what tells success from refusal. */
function attach(file: Buffer, fileName: string, type: string) {
  const form = new FormData();
  form.append('csrf', 'upload-test-token');
  form.append('intent', 'attach');
  form.append('file', new Blob([new Uint8Array(file)], { type }), fileName);
  return fetch(`${base}/t/${district.slug}/cases/${caseId}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { cookie: `linju_session=${session}; linju_csrf=upload-test-token`, origin: base },
  });
}

const storedCounts = () =>
  withTenant(db, district.tenantId, async (tx) => ({
    documents: (await tx.select().from(schema.caseDocument).where(eq(schema.caseDocument.caseId, caseId)))
      .length,
    blobs: (await tx.select({ id: schema.documentBlob.id }).from(schema.documentBlob)).length,
    chunks: (await tx.select({ n: schema.documentChunk.chunk }).from(schema.documentChunk)).length,
  }));

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'uploads');
  const deskA = await actorOf(db, district.tenantId, district.people.deskA);
  const created = await withTenant(db, district.tenantId, (tx) =>
    intakeCase(tx, deskA, box, {
      channel: 'walk-in',
      resident: { name: '居民甲', phone: '13700000002' },
      serviceType: 'mediation',
      description: '邻里纠纷，材料较多',
      organisationId: district.organisations.stationA,
    }),
  );
  caseId = created.id;
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: createLogger('server', 'silent'),
      temporalHealthy: async () => true,
      files: createPostgresDocumentStore({ db, box, maxBytes: uploadMaxBytes({}) }),
      admin: await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build')),
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantSlug: district.slug, username: 'desk-a', password: TEST_PASSWORD }),
  });
  session = (await login.json()).result.data.sessionToken;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await close();
});

describe('attaching a document on the case page', () => {
  it('streams a 5 MiB PDF into the store; it downloads byte-identical', async () => {
    const pdf = pdfOf(5 * MiB);
    const answer = await attach(pdf, '证据材料.pdf', 'application/pdf');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toContain('done=attach');
    const [document] = await withTenant(db, district.tenantId, (tx) =>
      tx.select().from(schema.caseDocument).where(eq(schema.caseDocument.caseId, caseId)),
    );
    expect(document).toMatchObject({ fileName: '证据材料.pdf', sizeBytes: pdf.length });
    const download = await fetch(`${base}/t/${district.slug}/cases/${caseId}/documents/${document?.id}`, {
      headers: { cookie: `linju_session=${session}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses 21 MiB on the file field, in Chinese, and stores no row and no chunk', async () => {
    const before = await storedCounts();
    const answer = await attach(pdfOf(21 * MiB), '太大.pdf', 'application/pdf');
    expect(answer.status).toBe(400);
    const page = await answer.text();
    expect(page).toContain('文件太大，最大 20 MB，未予保存。');
    expect(page).toMatch(/id="attach-file"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="attach-file"/);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a PNG declared as a PDF, naming the file field, and stores nothing', async () => {
    const before = await storedCounts();
    const answer = await attach(PNG, '伪装.pdf', 'application/pdf');
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('文件内容与所选文件类型不符');
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a multipart form whose token does not come before its file (403), reading no file', async () => {
    const form = new FormData();
    form.append('intent', 'attach');
    form.append('file', new Blob([new Uint8Array(pdfOf(4000))], { type: 'application/pdf' }), 'a.pdf');
    form.append('csrf', 'upload-test-token');
    const answer = await fetch(`${base}/t/${district.slug}/cases/${caseId}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { cookie: `linju_session=${session}; linju_csrf=upload-test-token`, origin: base },
    });
    expect(answer.status).toBe(403);
  });

  it('stops holding a 12345 export past the cap (the import reads it whole) and says so on its field', async () => {
    const form = new FormData();
    form.append('csrf', 'upload-test-token');
    form.append('organisationId', district.organisations.stationA);
    form.append('file', new Blob([new Uint8Array(21 * MiB)], { type: 'text/csv' }), '12345.csv');
    const answer = await fetch(`${base}/t/${district.slug}/cases/import`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { cookie: `linju_session=${session}; linju_csrf=upload-test-token`, origin: base },
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('文件太大，最大 20 MB，未予保存。');
  });
});
