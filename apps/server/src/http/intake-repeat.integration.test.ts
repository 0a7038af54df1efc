import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { and, connect, eq, schema, withTenant } from '@linju/db';
import { translate } from '@linju/i18n';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * An intake sent again — a browser or client whose answer was lost when a server behind the proxy
 * died after the commit (the proxy answers 502 and never re-sends a POST) — over a real socket.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
let server: Server;
let base: string;
let district: TestDistrict;
let session: string;

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'repeat');
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl') });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD }),
  });
  session = (await login.json()).result.data.sessionToken;
});
afterAll(async () => {
  server.close();
  await close();
});

const intake = (externalRef: string, description = '邻里噪音纠纷，申请调解') =>
  fetch(`${base}/trpc/case.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `linju_session=${session}` },
    body: JSON.stringify({
      channel: 'hotline-12345',
      organisationId: district.organisations.centreId,
      serviceType: TEST_SERVICE,
      description,
      resident: { name: '王五', phone: '13900001111' },
      externalRef,
    }),
  });
const casesWith = (externalRef: string) =>
  withTenant(db, district.tenantId, (tx) =>
    tx
      .select({ id: schema.legalCase.id })
      .from(schema.legalCase)
      .where(
        and(eq(schema.legalCase.channel, 'hotline-12345'), eq(schema.legalCase.externalRef, externalRef)),
      ),
  );

describe('an intake sent again with its channel reference', () => {
  it('answers the case the first made, and makes no second one', async () => {
    const ref = `GD${randomBytes(4).toString('hex')}`;
    const first = await intake(ref);
    expect(first.status).toBe(200);
    const again = await intake(ref);
    expect(again.status).toBe(200);
    const [a, b] = [(await first.json()).result.data, (await again.json()).result.data];
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
    expect(b.repeated).toBe(true);
    expect(await casesWith(ref)).toEqual([{ id: a.id }]);
  });

  it('makes one case of two sends racing each other', async () => {
    const ref = `GD${randomBytes(4).toString('hex')}`;
    const answers = await Promise.all([intake(ref), intake(ref), intake(ref)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).result.data.id)));
    expect(ids.size).toBe(1);
    expect(await casesWith(ref)).toHaveLength(1);
  });

  it('is refused, naming the field and the case, when the reference is another matter’s', async () => {
    const ref = `GD${randomBytes(4).toString('hex')}`;
    const first = (await (await intake(ref)).json()).result.data;
    const other = await intake(ref, '另一件事：劳动报酬纠纷');
    expect(other.status).toBe(409);
    const { error } = await other.json();
    expect(error.message).toBe('case.external_ref_taken');
    expect(error.data.fieldErrors).toEqual({ externalRef: 'case.external_ref_taken' });
    expect(translate('zh-CN', error.message, error.data.params)).toContain(first.number);
    expect(await casesWith(ref)).toHaveLength(1);
  });
});
