import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { connect } from '@linju/db';
import { isMessageKey, translate } from '@linju/i18n';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { openApiDocument } from './openapi.ts';
import { asDocumented } from './openapi-conformance.ts';

/** The OpenAPI document and its page for people, from the real origin over a real socket. */
const handle = connect(inject('databaseUrl'));
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' }),
      db: handle.db,
      box: createSecretBox(randomBytes(32)),
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await handle.close();
});

const get = async (path: string, headers: Record<string, string> = {}) =>
  asDocumented('GET', `${base}${path}`, await fetch(`${base}${path}`, { headers }));

const operationIds = Object.values(openApiDocument('http://x').paths).flatMap((item) =>
  Object.entries(item)
    .filter(([key]) => key !== 'servers')
    .map(([, operation]) => (operation as { operationId: string }).operationId),
);

describe('/api/v1/docs', () => {
  it('lists every operation of the document, its parameters, answers and every schema, in English', async () => {
    const page = await get('/api/v1/docs?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-language')).toBe('en');
    const html = await page.text();
    expect(operationIds.length).toBeGreaterThanOrEqual(25);
    // Each operation has its title in both languages, not only the document's English summary.
    for (const id of operationIds) expect(isMessageKey(`apiDocs.op.${id}`), id).toBe(true);
    for (const id of operationIds) expect(html).toContain(`id="${id}"`);
    for (const name of Object.keys(openApiDocument('http://x').components.schemas)) {
      expect(html).toContain(`id="schema-${name}"`);
    }
    expect(html).toContain('<code>per_page</code>');
    expect(html).toContain(translate('en', 'apiDocs.op.listHsdsServices'));
  });

  it('speaks Chinese by default and to a Chinese Accept-Language, each operation titled in Chinese', async () => {
    for (const headers of [{}, { 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.5' }] as Record<
      string,
      string
    >[]) {
      const page = await get('/api/v1/docs', headers);
      expect(page.headers.get('content-language')).toBe('zh-CN');
      const html = await page.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain(translate('zh-CN', 'apiDocs.op.createReferral'));
      expect(html).toContain(translate('zh-CN', 'apiDocs.op.getHsdsService'));
    }
    const english = await get('/api/v1/docs', { 'accept-language': 'en-GB' });
    expect(english.headers.get('content-language')).toBe('en');
  });

  it('runs no script and fetches nothing: the page is HTML and its own stylesheet', async () => {
    const page = await get('/api/v1/docs?lang=en');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-");
    const html = await page.text();
    expect(html).not.toMatch(/<script|<link|src=|@import/i);
  });

  it('refuses a language it is not written in, naming the parameter', async () => {
    const refused = await get('/api/v1/docs?lang=fr');
    expect(refused.status).toBe(400);
    expect((await refused.json()).detail).toMatch(/^lang: /);
  });
});

describe('/api/v1/openapi.json', () => {
  it('is itself a documented operation, answered as documented', async () => {
    const document = await get('/api/v1/openapi.json');
    expect(document.status).toBe(200);
    expect((await document.json()).openapi).toBe('3.1.0');
  });
});
