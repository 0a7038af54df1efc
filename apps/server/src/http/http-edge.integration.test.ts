import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { loadOrCreateNodeKey, REFERRALS_PATH, STATISTICS_PATH, WELL_KNOWN_PATH } from '@linju/federation';
import { createLogger } from '@linju/logging';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { referralCreateHandler } from '../federation/referral-endpoint.ts';
import { MAX_MESSAGE_BYTES } from '../federation/signed-endpoint.ts';
import { statisticsHandler } from '../federation/statistics-endpoint.ts';
import { wellKnownHandler } from '../federation/well-known.ts';
import { loadAdminApp } from './admin-app.ts';
import { createRequestListener } from './request-listener.ts';

/**
 * The edge of the one HTTP origin, over a real socket with the real API, database, admin build and
 * federation endpoints: body limits enforced while reading, the headers every response carries,
 * refusals a browser can read, and request ids that cannot carry anything into logs or audit.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const servers: Server[] = [];
let base: string;
let secureBase: string;
let district: TestDistrict;
/** Every line the servers log, as the process would write them. */
const logLines: string[] = [];
const log = createLogger(
  'server',
  'info',
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  }),
);

async function listen(publicUrl: string): Promise<string> {
  const config = loadServerConfig({
    DATABASE_APP_URL: inject('databaseUrl'),
    PORT: '3000',
    LINJU_PUBLIC_URL: publicUrl,
  });
  const key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'edge-key-')));
  const identity = { nodeId: 'edge-test', name: 'Edge test', baseUrl: publicUrl, key };
  const server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: await loadAdminApp(join(import.meta.dirname, '..', '..', '..', 'admin', 'build')),
      routes: [
        { prefix: WELL_KNOWN_PATH, handle: wellKnownHandler(db, identity) },
        {
          prefix: REFERRALS_PATH,
          handle: referralCreateHandler({ db, box, nodeId: 'edge-test', publicUrl }),
          maxBodyBytes: MAX_MESSAGE_BYTES,
        },
        {
          prefix: STATISTICS_PATH,
          handle: statisticsHandler({ db, publicUrl, nodeId: 'edge-test' }),
          maxBodyBytes: MAX_MESSAGE_BYTES,
        },
      ],
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'edge');
  base = await listen('http://localhost:3000');
  secureBase = await listen('https://linju.example');
});
afterAll(async () => {
  for (const server of servers) server.close();
  await close();
});

type Sent = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes handed to the socket when the answer came (or, sending on, when the server cut it). */
  sent: number;
  /** The server ended the connection before the whole body was sent. */
  cut: boolean;
};

/**
 * Sends `total` bytes as a chunked body (no Content-Length), a chunk at a time as the socket takes
 * them. By default it stops once the answer arrives; `sendOn` ignores the answer and keeps
 * sending until the server cuts the connection or everything went.
 */
function sendChunked(
  path: string,
  headers: Record<string, string>,
  total: number,
  sendOn = false,
): Promise<Sent> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const result: Sent = { status: 0, headers: {}, body: '', sent: 0, cut: false };
    let answered = false;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false },
      (res) => {
        answered = true;
        result.status = res.statusCode ?? 0;
        result.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (c) => (result.body += c));
        if (!sendOn) res.on('end', () => resolve(result));
      },
    );
    const cut = () => {
      result.cut = true;
      if (sendOn || answered) resolve(result);
      else reject(new Error(`${path}: connection cut before any answer, after ${result.sent} bytes`));
    };
    req.on('error', cut);
    req.on('close', () => {
      if (result.sent < total) cut();
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while ((sendOn || !answered) && result.sent < total && !result.cut) {
        result.sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (result.sent >= total) {
        req.end();
        if (sendOn) resolve(result);
      }
    };
    pump();
  });
}

const SIXTY_FOUR_MIB = 64 * 1024 * 1024;
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('a body over the limit', () => {
  it('is refused with 413 on every surface while it is still being sent, not read whole', async () => {
    const surfaces: [string, Record<string, string>][] = [
      ['/trpc/auth.login', { 'content-type': 'application/json' }],
      [`/t/${district.slug}/login`, FORM],
      [`/t/${district.slug}/cases/new`, { 'content-type': 'multipart/form-data; boundary=x' }],
      ['/api/v1/health', { 'content-type': 'application/json' }],
      [REFERRALS_PATH, { 'content-type': 'application/json' }],
      [STATISTICS_PATH, { 'content-type': 'application/json' }],
    ];
    for (const [path, headers] of surfaces) {
      const answer = await sendChunked(path, headers, SIXTY_FOUR_MIB);
      expect(answer.status, path).toBe(413);
      expect(answer.sent, path).toBeLessThan(SIXTY_FOUR_MIB);
    }
  });

  it('is not read on past a bound: a sender that keeps sending after the 413 is cut off', async () => {
    for (const path of ['/trpc/auth.login', `/t/${district.slug}/login`, REFERRALS_PATH]) {
      const answer = await sendChunked(path, { 'content-type': 'application/json' }, SIXTY_FOUR_MIB, true);
      expect(answer.status, path).toBe(413);
      expect(answer.cut, path).toBe(true);
      expect(answer.sent, path).toBeLessThan(SIXTY_FOUR_MIB);
    }
  });

  it('is refused at the federation spec’s 1 MiB on its endpoints, at 2 MiB elsewhere', async () => {
    const justOverOneMiB = 'x'.repeat(MAX_MESSAGE_BYTES + 1);
    const federation = await fetch(`${base}${REFERRALS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: justOverOneMiB,
    });
    expect(federation.status).toBe(413);
    expect(federation.headers.get('content-type')).toBe('application/problem+json');
    expect((await federation.json()).detail).toContain(String(MAX_MESSAGE_BYTES));
    const trpc = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: justOverOneMiB,
    });
    expect(trpc.status).toBe(400);
  });

  it('answers a browser’s form with a page in Chinese (English when chosen), an API client with problem+json', async () => {
    const form = await sendChunked(`/t/${district.slug}/login`, FORM, SIXTY_FOUR_MIB);
    expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(form.body).toContain('lang="zh-CN"');
    expect(form.body).toContain('提交的内容过大');
    expect(form.body).toContain('2 MiB');
    const english = await sendChunked(
      `/t/${district.slug}/login`,
      { ...FORM, cookie: 'linju_locale=en' },
      SIXTY_FOUR_MIB,
    );
    expect(english.body).toContain('Too much to accept');
    const api = await sendChunked('/trpc/auth.login', { 'content-type': 'application/json' }, SIXTY_FOUR_MIB);
    expect(api.headers['content-type']).toBe('application/problem+json');
  });
});

describe('a refused CSRF check', () => {
  it('answers an HTML form with a page in Chinese and an API client with problem+json', async () => {
    const page = await fetch(`${base}/t/${district.slug}/login`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ csrf: 'forged', username: 'desk', password: 'x' }),
    });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('请求被拒绝');
    const api = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('every response', () => {
  const routes = () => [
    `/t/${district.slug}/login`,
    '/favicon.svg',
    '/trpc/auth.me',
    '/api/v1/health',
    '/api/v1/nothing-here',
    `${REFERRALS_PATH}/nothing`,
    WELL_KNOWN_PATH,
  ];

  it('carries the headers an 等保 scan asks for, on every route', async () => {
    for (const path of routes()) {
      const response = await fetch(`${base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('carries HSTS when the public URL is HTTPS', async () => {
    for (const path of routes()) {
      const response = await fetch(`${secureBase}${path}`);
      expect(response.headers.get('strict-transport-security'), path).toBe(
        'max-age=31536000; includeSubDomains',
      );
    }
  });

  it('lets only the admin page’s own inline scripts run: each carries this response’s nonce', async () => {
    const response = await fetch(`${base}/t/${district.slug}/login`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${base}/t/${district.slug}/login`);
    expect(again.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  });
});

describe('a request id from outside', () => {
  it('is kept when it is a plain token and replaced when it could carry anything else', async () => {
    const id = async (value: string) =>
      (await fetch(`${base}/api/v1/health`, { headers: { 'x-request-id': value } })).headers.get(
        'x-request-id',
      );
    expect(await id('edge-proxy-0001')).toBe('edge-proxy-0001');
    for (const bad of ['x'.repeat(65), 'a b\tc"<script>', 'id;drop table audit_entry']) {
      const answered = await id(bad);
      expect(answered).not.toBe(bad);
      expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('the access log', () => {
  it('writes paths without their query strings, so what people searched for never reaches it', async () => {
    const phone = '13912345678';
    const idNumber = '310104198001011234';
    await fetch(`${base}/t/${district.slug}/cases?q=${phone}`);
    await fetch(`${base}/t/${district.slug}/cases/new?name=%E8%B5%B5%E9%98%BF%E5%A7%A8&idNumber=${idNumber}`);
    await fetch(`${base}/api/v1/catalogue/hsds?tenant=${district.slug}&phone=${phone}`);
    const lines = logLines.join('');
    expect(lines).toContain(`"path":"/t/${district.slug}/cases"`);
    for (const personal of [phone, idNumber, '赵阿姨', '%E8%B5%B5']) expect(lines).not.toContain(personal);
  });
});

describe('malformed cookies, origins and forms', () => {
  it('a cookie that does not decode is ignored, and a fresh CSRF cookie is set', async () => {
    const page = await fetch(`${base}/t/${district.slug}/login`, {
      headers: { cookie: 'linju_csrf=%E0%A4%A; linju_session=%; linju_locale=%zz' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie().some((c) => c.startsWith('linju_csrf='))).toBe(true);
  });

  it('an Origin that is no URL is a foreign origin (403)', async () => {
    const badOrigin = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://[not-a-host' },
      body: '{}',
    });
    expect(badOrigin.status).toBe(403);
  });

  it('a token of other bytes than the cookie’s, or a form that does not parse, fails the CSRF check (403)', async () => {
    // One character each, but two bytes against one: the comparison must not throw.
    const wideToken = await fetch(`${base}/t/${district.slug}/login`, {
      method: 'POST',
      headers: { ...FORM, cookie: 'linju_csrf=%C3%A9' },
      body: new URLSearchParams({ csrf: 'a', username: 'desk', password: 'x' }),
    });
    expect(wideToken.status).toBe(403);

    const brokenForm = await fetch(`${base}/t/${district.slug}/login`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: 'linju_csrf=abc' },
      body: 'not a multipart body',
    });
    expect(brokenForm.status).toBe(403);
  });
});
