import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, totpCodeFor, totpStepAt } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/** The one HTTP origin, over a real socket, with the real API, database and admin build. */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let server: Server;
let base: string;
let district: TestDistrict;
const silent = { info() {}, warn() {}, error() {}, child: () => silent };

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'http');
  const config = loadServerConfig({
    DATABASE_APP_URL: inject('databaseUrl'),
    PORT: '3000',
    LINJU_TENANT_HOST_SUFFIX: '.localhost',
  });
  const admin = await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build'));
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
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await close();
});

const trpcLogin = (headers: Record<string, string> = {}) =>
  fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD }),
  });

describe('the HTTP origin', () => {
  it('answers health and the OpenAPI document', async () => {
    expect(await (await fetch(`${base}/api/v1/health`)).json()).toEqual({
      status: 'ok',
      database: true,
      temporal: true,
    });
    const doc = await (await fetch(`${base}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health');
  });

  it('gives unknown API routes a problem document, not the admin app', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves tRPC and carries a request id', async () => {
    const response = await trpcLogin();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect((await response.json()).result.data.next).toBe('home');
  });

  it('answers bad input with the message key and the field', async () => {
    const response = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantSlug: district.slug, username: '', password: 'x' }),
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toBe('validation.failed');
    expect(error.data.fieldErrors).toEqual({ username: 'validation.required' });
  });

  it('refuses a state-changing request from another site', async () => {
    expect((await trpcLogin({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await trpcLogin({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a form post without the CSRF token of its cookie', async () => {
    const page = await fetch(`${base}/t/${district.slug}/login`);
    expect(page.status).toBe(200);
    const cookie =
      page.headers
        .getSetCookie()
        .find((c) => c.startsWith('linju_csrf='))
        ?.split(';')[0] ?? '';
    const post = (token: string) =>
      fetch(`${base}/t/${district.slug}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ csrf: token, username: 'desk', password: TEST_PASSWORD }),
      });
    expect((await post('forged')).status).toBe(403);
    const accepted = await post(cookie.split('=')[1] ?? '');
    expect(accepted.status).toBe(302);
    expect(
      accepted.headers.getSetCookie().some((c) => c.startsWith('linju_session=') && c.includes('HttpOnly')),
    ).toBe(true);
  });

  it('renders the admin app in Chinese, for the tenant named by the host as by the path', async () => {
    const byPath = await (await fetch(`${base}/t/${district.slug}/login`)).text();
    expect(byPath).toContain('lang="zh-CN"');
    // fetch() may not set Host (a forbidden header), so this one goes through node:http.
    const byHost = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${base}/login`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { host: `${district.slug}.localhost` },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(byHost.status).toBe(200);
    expect(byHost.body).toContain('用户名');
  });

  it("sends the app's scripts precompressed to a browser that accepts brotli", async () => {
    const page = await (await fetch(`${base}/t/${district.slug}/login`)).text();
    const script = page.match(/\/assets\/[\w-]+\.js/)?.[0];
    expect(script).toBeDefined();
    const plain = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const compressed = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(Number(compressed.headers.get('content-length'))).toBeLessThan(
      Number(plain.headers.get('content-length')),
    );
    expect(await compressed.text()).toBe(await plain.text());
  });

  it('leaks nothing of another district on any REST route, for a signed-in user of this one', async () => {
    const other = await createTestDistrict(db, box, 'http-other');
    const { result } = await (await trpcLogin()).json();
    const cookie = `linju_session=${result.data.sessionToken}`;
    const doc = await (await fetch(`${base}/api/v1/openapi.json`)).json();
    const secretsOfOther = [
      other.tenantId,
      other.slug,
      ...Object.values(other.organisations),
      ...Object.values(other.people),
    ];
    // Every documented route: a new REST route is walked as soon as it is in the OpenAPI document.
    for (const path of Object.keys(doc.paths)) {
      const body = await (await fetch(`${base}/api/v1${path}`, { headers: { cookie } })).text();
      for (const secret of secretsOfOther) expect(body, path).not.toContain(secret);
    }
  });
});

describe('a malformed cookie', () => {
  const SHAPES = {
    'bad percent-encoding': 'linju_session=%E0%A4%A',
    'a lone percent sign': 'linju_session=%',
    'a huge value': `linju_session=${'a'.repeat(8_000)}`,
    'the wrong shape': 'linju_session=abc.def.ghi',
    'the right shape, unknown': `linju_session=${'a'.repeat(32)}.${'b'.repeat(32)}`,
    'broken locale and CSRF cookies': 'linju_locale=%ZZ; linju_csrf=%',
  };

  it.each(Object.entries(SHAPES))('counts as no session, never a 500: %s', async (_, cookie) => {
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).result.data).toBeNull();
    const refused = await fetch(`${base}/trpc/organisation.getMany`, { headers: { cookie } });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toBe('auth.not_signed_in');
    const page = await fetch(`${base}/t/${district.slug}/login`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="zh-CN"');
  });
});

describe('the second factor in the browser', () => {
  /** Posts a form of the admin app as a browser would: with the CSRF cookie and field, and `session`. */
  async function formPoster() {
    const page = await fetch(`${base}/t/${district.slug}/login`);
    const csrfCookie =
      page.headers
        .getSetCookie()
        .find((c) => c.startsWith('linju_csrf='))
        ?.split(';')[0] ?? '';
    return (path: string, fields: Record<string, string>, session = '') =>
      fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [csrfCookie, session].filter(Boolean).join('; '),
        },
        body: new URLSearchParams({ csrf: csrfCookie.split('=')[1] ?? '', ...fields }),
      });
  }
  const sessionOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .find((c) => c.startsWith('linju_session='))
      ?.split(';')[0] ?? '';
  const home = (cookie: string) =>
    fetch(`${base}/t/${district.slug}`, { redirect: 'manual', headers: { cookie } });
  const codeNow = (secret: string) => totpCodeFor(secret, totpStepAt(new Date()));

  it('sets a new session cookie once the code is accepted; the one from before opens nothing', async () => {
    const post = await formPoster();
    const signedIn = await post(`/t/${district.slug}/login`, { username: 'admin', password: TEST_PASSWORD });
    expect(signedIn.headers.get('location')).toBe(`/t/${district.slug}/login/totp`);
    const before = sessionOf(signedIn);
    const verified = await post(
      `/t/${district.slug}/login/totp`,
      { code: codeNow(district.totpSecret) },
      before,
    );
    expect(verified.status).toBe(302);
    const after = sessionOf(verified);
    expect(after).toMatch(/^linju_session=[a-z2-7]{32}\.[a-z2-7]{32}$/);
    expect(after).not.toBe(before);
    expect((await home(after)).status).toBe(200);
    const planted = await home(before);
    expect(planted.status).toBe(302);
    expect(planted.headers.get('location')).toBe(`/t/${district.slug}/login`);
  });

  it('still walks a first sign-in through enrolment, onto a new session', async () => {
    const post = await formPoster();
    const signedIn = await post(`/t/${district.slug}/login`, { username: 'head-a', password: TEST_PASSWORD });
    expect(signedIn.headers.get('location')).toBe(`/t/${district.slug}/login/totp-setup`);
    const before = sessionOf(signedIn);
    const setup = await (
      await fetch(`${base}/t/${district.slug}/login/totp-setup`, { headers: { cookie: before } })
    ).text();
    const hidden = (name: string) =>
      (new RegExp(`name="${name}" value="([^"]+)"`).exec(setup)?.[1] ?? '').replaceAll('&amp;', '&');
    const enrolled = await post(
      `/t/${district.slug}/login/totp-setup`,
      { secret: hidden('secret'), uri: hidden('uri'), code: codeNow(hidden('secret')) },
      before,
    );
    expect(enrolled.headers.get('location')).toBe(`/t/${district.slug}`);
    const after = sessionOf(enrolled);
    expect(after).not.toBe(before);
    expect((await home(after)).status).toBe(200);
    expect((await home(before)).status).toBe(302);
  });
});
