import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_PAGE_PARTS } from '@linju/admin/case-page-parts';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { metricsAccess } from '@linju/metrics';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createServerMetrics } from '../metrics/server-metrics.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * What one view of a case page costs the API: every procedure call is a session check and a
 * transaction of its own, so the page loads what it shows in one call (`case.page`), beside the
 * calls every signed-in page makes (the session, the shell's unread count and navigation).
 */
const handle = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
const calls: string[] = [];
let server: Server;
let base: string;
let district: TestDistrict;
let session: string;

beforeAll(async () => {
  district = await createTestDistrict(handle.db, box, 'case-page');
  const metrics = createServerMetrics(handle.pool);
  server = createServer(
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl') }),
      db: handle.db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build')),
      metrics: {
        server: {
          ...metrics,
          observeProcedure: (procedure, outcome, seconds) => {
            calls.push(procedure);
            metrics.observeProcedure(procedure, outcome, seconds);
          },
        },
        access: metricsAccess({ token: randomBytes(24).toString('base64url') }),
      },
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
  await handle.close();
});

async function newCase() {
  const created = await fetch(`${base}/trpc/case.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `linju_session=${session}` },
    body: JSON.stringify({
      channel: 'walk-in',
      organisationId: district.organisations.centreId,
      serviceType: TEST_SERVICE,
      description: '邻里噪音纠纷，申请调解',
      resident: { name: '王五', phone: '13900001111' },
    }),
  });
  expect(created.status).toBe(200);
  return (await created.json()).result.data.id as string;
}

/** The procedures one GET of `path` called, by name. */
async function callsOf(path: string) {
  calls.length = 0;
  const page = await fetch(`${base}${path}`, { headers: { cookie: `linju_session=${session}` } });
  expect(page.status).toBe(200);
  await page.text();
  return [...calls];
}

describe('one view of a case page', () => {
  it('loads the case in one call besides the signed-in shell, for each of its parts', async () => {
    const caseId = await newCase();
    const shell = ['auth.me', 'catalogue.screens', 'notification.countUnread'];
    for (const tab of CASE_PAGE_PARTS.map(({ path }) => (path ? `/${path}` : ''))) {
      const made = await callsOf(`/t/${district.slug}/cases/${caseId}${tab}`);
      expect(made.toSorted()).toEqual([...shell, 'case.page'].toSorted());
    }
  });
});
