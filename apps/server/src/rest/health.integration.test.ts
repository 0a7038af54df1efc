import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { connect, type DbHandle } from '@linju/db';
import { temporalHealth } from '@linju/workflows';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { asDocumented } from './openapi-conformance.ts';

/**
 * Liveness and readiness of the real origin against real PostgreSQL and a real Temporal client:
 * Temporal unreachable keeps the server in the load balancer; PostgreSQL unreachable takes it out.
 */
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
const cleanups: (() => Promise<void> | void)[] = [];

/** A port nothing listens on: taken from the kernel, then let go. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

async function origin(databaseUrl: string, temporalAddress: string): Promise<string> {
  const handle: DbHandle = connect(databaseUrl);
  const temporal = temporalHealth({ address: temporalAddress });
  const server: Server = createServer(
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: databaseUrl, PORT: '3000' }),
      db: handle.db,
      box: createSecretBox(randomBytes(32)),
      log: silent,
      temporalHealthy: temporal.healthy,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
    }),
  );
  cleanups.push(() => void server.close(), handle.close, temporal.close);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** A GET whose answer is checked against the OpenAPI document as well as the test's own asserts. */
const get = async (url: string) => asDocumented('GET', url, await fetch(url));

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('/api/v1/health/live and /api/v1/health/ready', () => {
  it('stays ready with Temporal unreachable, saying referrals queue', async () => {
    const base = await origin(inject('databaseUrl'), `127.0.0.1:${await closedPort()}`);
    const live = await get(`${base}/api/v1/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
    const ready = await get(`${base}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'up',
      temporal: 'down',
      referrals: 'queued',
    });
    // The old endpoint answers as before: degraded, 503.
    const health = await get(`${base}/api/v1/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', database: true, temporal: false });
  });

  it('is ready with referrals flowing when both are up', async () => {
    const base = await origin(inject('databaseUrl'), inject('temporalAddress'));
    const ready = await get(`${base}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'up',
      temporal: 'up',
      referrals: 'flowing',
    });
  });

  it('is not ready, but still live, with PostgreSQL unreachable', async () => {
    const url = new URL(inject('databaseUrl'));
    url.port = String(await closedPort());
    const base = await origin(url.toString(), inject('temporalAddress'));
    const ready = await get(`${base}/api/v1/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(await ready.json()).toMatchObject({ status: 'not-ready', database: 'down' });
    expect((await get(`${base}/api/v1/health/live`)).status).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    const base = await origin(inject('databaseUrl'), inject('temporalAddress'));
    for (const path of ['/api/v1/health/live', '/api/v1/health/ready']) {
      const answer = await fetch(`${base}${path}`, { method: 'POST' });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
  });
});
