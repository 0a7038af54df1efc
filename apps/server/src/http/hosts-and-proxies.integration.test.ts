import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, THROTTLE_RULES, totpCodeFor, totpStepAt } from '@linju/auth';
import { addTenantDomain, createLocalDocumentStore, createPlatformOperator } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema } from '@linju/db';
import { translate } from '@linju/i18n';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * The server on a real domain behind a proxy, over real sockets: the platform's own name
 * (`linju.sfj.example.gov.cn`), districts under `.linju.example.gov.cn` and on a custom domain, a
 * trusted proxy at 127.0.0.8 and an untrusted peer at 127.0.0.9 (loopback addresses of this file
 * alone, so their throttles are this file's).
 */
const PROXY = '127.0.0.8';
const UNTRUSTED = '127.0.0.9';
const PLATFORM_HOST = 'linju.sfj.example.gov.cn';
const { db, close } = connect(inject('databaseUrl'));
// Operators are made by the operator CLI, as the owner: the application role only reads them.
const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
const box = createSecretBox(randomBytes(32));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
let server: Server;
let port: number;
let district: TestDistrict;

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'hosts');
  const config = loadServerConfig({
    DATABASE_APP_URL: inject('databaseUrl'),
    LINJU_PUBLIC_URL: `http://${PLATFORM_HOST}`,
    LINJU_TENANT_HOST_SUFFIX: '.linju.example.gov.cn',
    LINJU_TRUSTED_PROXIES: `${PROXY}/32,fd00::/8`,
  });
  const admin = await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build'));
  if (!admin) throw new Error('build the admin app first: pnpm --filter @linju/admin build');
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.close();
  await Promise.all([close(), owner.close()]);
});

type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** One request with the Host and source address given (fetch() may set neither). */
function send(
  path: string,
  options: { host?: string; from?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.body === undefined ? 'GET' : 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          host: options.host ?? PLATFORM_HOST,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    const { body } = options;
    req.end(body === undefined || typeof body === 'string' ? body : JSON.stringify(body));
  });
}

const csrfCookieOf = (answer: Answer) =>
  [answer.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('linju_csrf='));
const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);

describe('host names', () => {
  it('never take the platform’s own name, or any host off the suffix, as a district', async () => {
    const landing = await send('/');
    expect(landing.status).toBe(200);
    expect(landing.body).toContain(zh('landing.title'));
    for (const host of [PLATFORM_HOST, `${district.slug}.localhost`, `${district.slug}.example.org`]) {
      const login = await send('/login', { host });
      expect(login.status, host).toBe(404);
      expect(login.body, host).not.toContain(zh('login.username'));
    }
  });

  it('leave /platform, /rate and /p/ alone on a host of no district', async () => {
    const platform = await send('/platform');
    expect(platform.status).toBe(302);
    expect(platform.headers.location).toBe('/platform/login');
    const rate = await send('/rate');
    expect(rate.status).toBe(200);
    expect(rate.body).toContain(zh('rate.title'));
    const link = await send(`/p/${randomBytes(24).toString('base64url')}`);
    expect(link.body).toContain(zh('partner_link.invalid'));
  });

  it('under the suffix reach their district, and keep the routes outside every district', async () => {
    const host = `${district.slug}.linju.example.gov.cn`;
    const home = await send('/', { host });
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe(`/t/${district.slug}/login`);
    const login = await send('/login', { host });
    expect(login.status).toBe(200);
    expect(login.body).toContain(zh('login.username'));
    expect((await send('/platform', { host })).headers.location).toBe('/platform/login');
    expect((await send('/rate', { host })).body).toContain(zh('rate.title'));
  });

  it('given to a district by an operator reach it; an unknown one reaches nobody', async () => {
    const host = `fw.${district.slug}.gov.cn`;
    await addTenantDomain(db, { operatorId: randomUUID() }, { tenantId: district.tenantId, host });
    const home = await send('/', { host: host.toUpperCase() });
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe(`/t/${district.slug}/login`);
    const stranger = await send('/', { host: `fw.nobody-${district.slug}.gov.cn` });
    expect(stranger.status).toBe(200);
    expect(stranger.body).toContain(zh('landing.title'));
  });
});

describe('the platform console’s domains', () => {
  /** An operator's session cookie, signed in and past the code, and the CSRF cookie and field of a browser. */
  async function operatorBrowser() {
    const username = `op-${randomBytes(3).toString('hex')}`;
    const { totpSecret } = await createPlatformOperator(owner.db, box, {
      username,
      displayName: '平台运维',
      password: 'Operator-pass-1',
    });
    const signedIn = await send('/trpc/platform.login', { body: { username, password: 'Operator-pass-1' } });
    const half = JSON.parse(signedIn.body).result.data.sessionToken;
    const verified = await send('/trpc/platform.verifyTotp', {
      headers: { cookie: `linju_session=${half}` },
      body: { code: totpCodeFor(totpSecret, totpStepAt(new Date())) },
    });
    const session = `linju_session=${JSON.parse(verified.body).result.data.sessionToken}`;
    const csrf = csrfCookieOf(await send('/platform/login'))?.split(';')[0] ?? '';
    return (fields: Record<string, string>) =>
      send('/platform/domains', {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf}`,
        },
        body: new URLSearchParams({ csrf: csrf.split('=')[1] ?? '', ...fields }).toString(),
      });
  }

  it('gives a district a domain that then reaches it, and says in Chinese what is wrong with a bad one', async () => {
    const post = await operatorBrowser();
    const host = `ban.${district.slug}.gov.cn`;
    const given = await post({ intent: 'add', tenantId: district.tenantId, host });
    expect(given.status).toBe(302);
    expect(given.headers.location).toBe(`/platform/domains?done=added&host=${host}`);
    expect((await send('/', { host })).headers.location).toBe(`/t/${district.slug}/login`);
    const bad = await post({ intent: 'add', tenantId: district.tenantId, host: 'https://fw.example.org/x' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain(zh('platform.domain_invalid'));
    const taken = await post({ intent: 'add', tenantId: district.tenantId, host });
    expect(taken.status).toBe(409);
    expect(taken.body).toContain(zh('platform.domain_taken'));
  });
});

const login = (username: string, password: string, from: string, headers: Record<string, string>) =>
  send('/trpc/auth.login', { from, headers, body: { tenantSlug: district.slug, username, password } });
const outcome = (answer: Answer) => {
  const parsed = JSON.parse(answer.body) as {
    result?: { data: { next: string } };
    error?: { message: string };
  };
  return parsed.error?.message ?? parsed.result?.data.next;
};
const failuresOf = async (key: string) =>
  (await db.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)))[0]?.failures ?? 0;

describe('a trusted proxy', () => {
  const limit = THROTTLE_RULES.ip.maxFailures;

  it(`lets ${limit} failed sign-ins from other clients lock none but them, not the proxy’s address`, async () => {
    for (let i = 0; i < limit; i++) {
      const failed = await login(`ghost-${i}`, 'wrong', PROXY, { 'x-forwarded-for': `198.51.100.${i + 1}` });
      expect(outcome(failed)).toBe('auth.invalid_credentials');
    }
    // One client's own failures lock that client, named by RFC 7239 this time.
    const one = { forwarded: 'for=198.51.100.200;proto=https' };
    for (let i = 0; i < limit; i++) await login(`spray-${i}`, 'wrong', PROXY, one);
    expect(outcome(await login('desk', TEST_PASSWORD, PROXY, one))).toBe('auth.throttled');
    expect(await failuresOf(`ip:${PROXY}`)).toBe(0);
    const third = await login('desk', TEST_PASSWORD, PROXY, {
      'x-forwarded-for': '203.0.113.1, 203.0.113.66',
    });
    expect(outcome(third)).toBe('home');
  });

  it('says whether the browser came over TLS: cookies are Secure then', async () => {
    const overTls = await send(`/t/${district.slug}/login`, {
      from: PROXY,
      headers: { 'x-forwarded-for': '203.0.113.2', 'x-forwarded-proto': 'https' },
    });
    expect(csrfCookieOf(overTls)).toContain('; Secure');
    const plain = await send(`/t/${district.slug}/login`, {
      from: PROXY,
      headers: { 'x-forwarded-for': '203.0.113.2' },
    });
    expect(csrfCookieOf(plain)).not.toContain('Secure');
  });
});

describe('an untrusted peer', () => {
  it('is throttled on its socket address, whatever it forwards or claims', async () => {
    const limit = THROTTLE_RULES.ip.maxFailures;
    for (let i = 0; i < limit; i++) {
      const headers = { 'x-forwarded-for': `192.0.2.${i + 1}`, 'x-linju-client-ip': `192.0.2.${i + 1}` };
      await login(`ghost-${i}`, 'wrong', UNTRUSTED, headers);
    }
    expect(await failuresOf(`ip:${UNTRUSTED}`)).toBe(limit);
    expect(await failuresOf('ip:192.0.2.1')).toBe(0);
    const again = await login('desk', TEST_PASSWORD, UNTRUSTED, { forwarded: 'for=192.0.2.250' });
    expect(outcome(again)).toBe('auth.throttled');
  });

  it('gets no Secure cookie by claiming TLS', async () => {
    const page = await send(`/t/${district.slug}/login`, {
      from: UNTRUSTED,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(csrfCookieOf(page)).not.toContain('Secure');
  });
});
