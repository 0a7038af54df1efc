import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { type MetricsAccessSettings, metricsAccess } from '@linju/metrics';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { loadAdminApp } from '../http/admin-app.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { createServerMetrics } from './server-metrics.ts';

/** `/metrics` of the real origin over a real socket: what it measures, how it labels, who may read it. */
const handle = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
const TOKEN = randomBytes(24).toString('base64url');
const servers: Server[] = [];
let district: TestDistrict;

async function origin(access: MetricsAccessSettings): Promise<string> {
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  const admin = await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build'));
  const server = createServer(
    createRequestListener({
      config,
      db: handle.db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin,
      metrics: { server: createServerMetrics(handle.pool), access: metricsAccess(access) },
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const scrape = (base: string, headers: Record<string, string> = {}) => fetch(`${base}/metrics`, { headers });
const bearer = { authorization: `Bearer ${TOKEN}` };

let base: string;
beforeAll(async () => {
  district = await createTestDistrict(handle.db, box, 'metrics');
  base = await origin({ token: TOKEN });
});
afterAll(async () => {
  for (const server of servers) server.close();
  await handle.close();
});

describe('/metrics', () => {
  it('labels requests by route pattern: no case id, one-time token or procedure list in a label', async () => {
    const caseId = randomUUID();
    const linkToken = randomBytes(24).toString('base64url');
    await fetch(`${base}/t/${district.slug}/cases/${caseId}`, { redirect: 'manual' });
    await fetch(`${base}/p/${linkToken}`, { redirect: 'manual' });
    await fetch(`${base}/api/v1/nothing-${caseId}`);
    await fetch(`${base}/api/v1/hsds/${district.slug}/services/${caseId}`);
    await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD }),
    });
    await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantSlug: district.slug, username: 'desk', password: 'not it' }),
    });

    const text = await (await scrape(base, bearer)).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/t\/:tenant\/cases\/:id"/);
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/p\/:token",status="\d+"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/\*",status="404"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/trpc\/:procedure",status="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/hsds\/:tenant\/services\/:id",status="404"\} 1/,
    );
    expect(text).toMatch(/trpc_procedure_duration_seconds_count\{procedure="auth.login",outcome="ok"\} 1/);
    expect(text).toMatch(
      /trpc_procedure_duration_seconds_count\{procedure="auth.login",outcome="UNAUTHORIZED"\} 1/,
    );
    for (const secret of [caseId, linkToken, district.slug, TOKEN]) expect(text).not.toContain(secret);
  });

  it('shows the database pool and the process', async () => {
    const text = await (await scrape(base, bearer)).text();
    expect(text).toMatch(/^linju_db_pool_size 10$/m);
    expect(text).toMatch(/^linju_db_pool_transactions_waiting \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('refuses a scraper without the token, with a wrong one, and one that only says it is local', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
      { 'x-forwarded-for': '127.0.0.1', forwarded: 'for=127.0.0.1' },
    ];
    for (const headers of attempts) {
      const answer = await scrape(base, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await answer.text()).not.toContain('http_request_duration_seconds');
    }
  });

  it('is closed to everyone, loopback included, when neither a token nor a network is configured', async () => {
    // A reverse proxy on the same host is a loopback peer: loopback alone must not open /metrics.
    const closed = await origin({});
    expect((await scrape(closed)).status).toBe(401);
  });

  it('lets in a scraper from an allowed network without a token, judged by the socket peer', async () => {
    const allowed = await origin({ allow: '10.0.0.0/8, 127.0.0.1' });
    const answer = await scrape(allowed);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    const elsewhere = await origin({ allow: '10.0.0.0/8' });
    expect((await scrape(elsewhere, { 'x-forwarded-for': '10.1.2.3' })).status).toBe(401);
  });

  it('answers only GET', async () => {
    expect((await fetch(`${base}/metrics`, { method: 'POST', headers: bearer })).status).toBe(405);
  });
});
