import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { attachDocument, createPostgresDocumentStore, intakeCase, uploadMaxBytes } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
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
 * A download streams the stored chunks back with the record's length, for the case's own district only.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const MiB = 1024 * 1024;
const files = createPostgresDocumentStore({ db, box, maxBytes: uploadMaxBytes({}) });
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
  return fetch(`${base}/t/${district.slug}/cases/${caseId}/documents`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { cookie: `linju_session=${session}; linju_csrf=upload-test-token`, origin: base },
  });
}

/** The downloads a district's audit log records. */
const documentReads = async (tenantId: string) =>
  (
    await withTenant(db, tenantId, (tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.action, 'case.document_read')),
    )
  ).length;

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
      serviceType: TEST_SERVICE,
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
      files,
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
    // Streamed from the store: the record's length and type, a Chinese name per RFC 5987, never cached or sniffed.
    expect(Object.fromEntries(download.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('证据材料.pdf')}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(download.headers.get('transfer-encoding')).toBeNull();
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect(await documentReads(district.tenantId)).toBe(1);
  });

  it("answers 404 for another district's document, auditing nothing in either", async () => {
    const other = await createTestDistrict(db, box, 'uploads-other');
    const deskB = await actorOf(db, other.tenantId, other.people.deskA);
    const theirs = await withTenant(db, other.tenantId, async (tx) => {
      const created = await intakeCase(tx, deskB, box, {
        channel: 'walk-in',
        resident: { name: '居民乙', phone: '13700000003' },
        serviceType: TEST_SERVICE,
        description: '另一区的案件',
        organisationId: other.organisations.stationA,
      });
      const document = await attachDocument(tx, deskB, files, {
        caseId: created.id,
        fileName: '乙区材料.pdf',
        contentType: 'application/pdf',
        contentBase64: pdfOf(4000).toString('base64'),
      });
      return { caseId: created.id, documentId: document.id };
    });
    const before = [await documentReads(district.tenantId), await documentReads(other.tenantId)];
    const answer = await fetch(
      `${base}/t/${district.slug}/cases/${theirs.caseId}/documents/${theirs.documentId}`,
      { headers: { cookie: `linju_session=${session}` } },
    );
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-disposition')).toBeNull();
    expect([await documentReads(district.tenantId), await documentReads(other.tenantId)]).toEqual(before);
  });

  it("names the upload cap in the file field's hint (the setting, not the 1 MiB of JSON uploads)", async () => {
    const page = await fetch(`${base}/t/${district.slug}/cases/${caseId}/documents`, {
      headers: { cookie: `linju_session=${session}` },
    });
    expect(await page.text()).toContain('PDF、OFD、JPEG、PNG、HEIC、Word、Excel 或文本，最大 20 MB。');
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
    const answer = await fetch(`${base}/t/${district.slug}/cases/${caseId}/documents`, {
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
