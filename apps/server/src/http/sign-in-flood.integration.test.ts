import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect as connectSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, THROTTLE_RULES } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { APP_ROLE, connect, eq, schema, sql } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { HTTP_DEADLINES, serverTimeouts } from './deadlines.ts';
import { createRequestListener, type ServerDeps } from './request-listener.ts';

/**
 * Unauthenticated floods over a real socket against the real server, pool (10 connections, as in
 * production) and database. Requests come from their own loopback address, so the address's
 * throttle is this file's alone.
 */
const CLIENT_ADDRESS = '127.0.0.7';
const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
const servers: Server[] = [];
let district: TestDistrict;

async function startServer(extra: Partial<ServerDeps> = {}, deadlines = HTTP_DEADLINES): Promise<string> {
  const server = createServer(
    serverTimeouts(deadlines),
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' }),
      db: app.db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
      ...extra,
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/**
 * One HTTP request from {@link CLIENT_ADDRESS}. The abort only ends a run on code that never
 * answers (the old deadlock); no assertion depends on how long anything took.
 */
function send(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        localAddress: CLIENT_ADDRESS,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        signal: AbortSignal.timeout(20_000),
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const errorMessages = (answer: Answer): string[] => {
  const parsed = JSON.parse(answer.body) as
    | { error?: { message: string } }
    | { error?: { message: string } }[];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((entry) => entry.error?.message ?? 'ok');
};

beforeAll(async () => {
  district = await createTestDistrict(app.db, box, 'flood');
});
afterAll(async () => {
  for (const server of servers) server.close();
  await app.close();
  await owner.close();
});

describe('a flood of sign-ins', () => {
  it('answers 50 parallel wrong passwords and a batch of 40, health answering throughout', async () => {
    const base = await startServer();
    const wrong = { tenantSlug: district.slug, username: 'desk', password: 'not-the-password' };

    let flooding = true;
    const health: number[] = [];
    const polling = (async () => {
      while (flooding) health.push((await send(`${base}/api/v1/health`)).status);
    })();

    const batchPath = Array.from({ length: 40 }, () => 'auth.login').join(',');
    const batchInput = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i, wrong]));
    const [signIns, batch, pair] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, () => send(`${base}/trpc/auth.login`, wrong))),
      send(`${base}/trpc/${batchPath}?batch=1`, batchInput),
      send(`${base}/trpc/auth.login,auth.login?batch=1`, { 0: wrong, 1: wrong }),
    ]);
    flooding = false;
    await polling;

    // Exactly the policy's number of guesses were tried; every other sign-in was refused unheard.
    const outcomes = signIns.map((answer) => errorMessages(answer)[0]);
    const tried = outcomes.filter((m) => m === 'auth.invalid_credentials').length;
    expect(tried).toBe(THROTTLE_RULES.account.maxFailures);
    expect(outcomes.filter((m) => m === 'auth.throttled').length).toBe(50 - tried);
    expect(signIns.filter((a) => a.status === 401).length).toBe(tried);

    expect(batch.status).toBe(400);
    expect(new Set(errorMessages(batch))).toEqual(new Set(['request.batch_too_large']));
    expect(pair.status).toBe(400);
    expect(new Set(errorMessages(pair))).toEqual(new Set(['auth.batch_refused']));

    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);

    // The account is locked now, even for its right password; the address paid for real guesses only.
    const right = await send(`${base}/trpc/auth.login`, { ...wrong, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(errorMessages(right)).toEqual(['auth.throttled']);
    const [address] = await owner.db
      .select({ failures: schema.loginThrottle.failures })
      .from(schema.loginThrottle)
      .where(eq(schema.loginThrottle.key, `ip:${CLIENT_ADDRESS}`));
    expect(address?.failures).toBe(tried);

    const stuck = await owner.db.execute<{ count: number }>(
      sql`select count(*)::int as count from pg_stat_activity
          where usename = ${APP_ROLE} and state like 'idle in transaction%'`,
    );
    expect(stuck[0]?.count).toBe(0);
  });
});

describe('guesses at residents’ codes', () => {
  it('answers exactly the address’s limit of 40 unknown rating codes sent at once, and refuses the rest', async () => {
    const base = await startServer();
    const guess = (i: number) =>
      send(`${base}/trpc/rating.check?input=${encodeURIComponent(JSON.stringify({ code: `NO-SUCH-${i}` }))}`);
    const outcomes = (await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i)))).map(
      (answer) => errorMessages(answer)[0],
    );
    expect(outcomes.filter((m) => m === 'rating.code_invalid').length).toBe(THROTTLE_RULES.ip.maxFailures);
    expect(outcomes.filter((m) => m === 'rating.too_many_attempts').length).toBe(
      40 - THROTTLE_RULES.ip.maxFailures,
    );
  });
});

describe('guesses at the second factor', () => {
  it('counts wrong codes per person before the request’s transaction: eight at once get five tries', async () => {
    const base = await startServer();
    const login = await send(`${base}/trpc/auth.login`, {
      tenantSlug: district.slug,
      username: 'admin',
      password: TEST_PASSWORD,
    });
    const token: string = JSON.parse(login.body).result.data.sessionToken;
    const verify = (code: string) =>
      send(`${base}/trpc/auth.verifyTotp`, { code }, { cookie: `linju_session=${token}` });
    const guesses = await Promise.all(Array.from({ length: 8 }, () => verify('000000')));
    const outcomes = guesses.map((answer) => errorMessages(answer)[0]);
    expect(outcomes.filter((m) => m === 'auth.totp_invalid').length).toBe(THROTTLE_RULES.account.maxFailures);
    expect(outcomes.filter((m) => m === 'auth.throttled').length).toBe(
      8 - THROTTLE_RULES.account.maxFailures,
    );
  });
});

describe('deadlines of an answer', () => {
  it('answers 503 in the route’s own shape when an answer does not start in time', async () => {
    const never = () => new Promise<Response>(() => {});
    const base = await startServer({
      answerDeadlineMs: 50,
      routes: [
        { prefix: '/api/v1/stuck', handle: never },
        { prefix: '/t/stuck', handle: never },
        { prefix: '/trpc/stuck', handle: never },
      ],
    });
    const api = await send(`${base}/api/v1/stuck`);
    expect(api.status).toBe(503);
    expect(api.headers['content-type']).toBe('application/problem+json');
    expect(api.headers['retry-after']).toBe('5');
    const page = await send(`${base}/t/stuck/cases`);
    expect(page.status).toBe(503);
    expect(page.body).toContain('服务器繁忙，请稍后再试。');
    const trpc = await send(`${base}/trpc/stuck.procedure`);
    expect(trpc.status).toBe(503);
    expect(errorMessages(trpc)).toEqual(['error.busy']);
  });
});

describe('deadlines of a request', () => {
  it('answers 408 and closes the socket of a client that never finishes its headers', async () => {
    const base = new URL(
      await startServer({}, { ...HTTP_DEADLINES, headersMs: 200, requestMs: 400, checkEveryMs: 100 }),
    );
    const reply = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connectSocket({
        host: base.hostname,
        port: Number(base.port),
        localAddress: CLIENT_ADDRESS,
      });
      // Only ends a run on a server that never gives up on the client; nothing is asserted on time.
      socket.setTimeout(10_000, () => socket.destroy(new Error('the server kept the socket open')));
      socket.on('data', (chunk) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n');
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });
});
