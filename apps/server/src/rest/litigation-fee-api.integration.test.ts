import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { createLocalDocumentStore } from '@linju/core';
import { connect } from '@linju/db';
import { ZLitigationFeeQuery } from '@linju/litigation-fee';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { asDocumented } from './openapi-conformance.ts';

/** The fee calculator over HTTP, through the real request listener on real PostgreSQL. */
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const databaseUrl = inject('databaseUrl');
  const handle = connect(databaseUrl);
  const server = createServer(
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: databaseUrl, PORT: '3000' }),
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
  stop = async () => {
    server.close();
    await handle.close();
  };
});
afterAll(() => stop?.());

/** A GET whose answer is checked against the OpenAPI document as well as the test's own asserts. */
const get = async (query: string) => {
  const url = `${base}/api/v1/tools/litigation-fee?${query}`;
  return asDocumented('GET', url, await fetch(url));
};
const detailOf = async (query: string) => {
  const answer = await get(query);
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  return ((await answer.json()) as { detail: string }).detail;
};

describe('GET /api/v1/tools/litigation-fee', () => {
  it('answers a property case’s fee and its basis, cacheable by anyone', async () => {
    const answer = await get('kind=property&amount=100000');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await answer.json()).toEqual({
      fee: 2300,
      basis: '《诉讼费用交纳办法》第十三条第（一）项',
      basisEn: 'Measures on the Payment of Litigation Costs, Art. 13(1)',
    });
    const again = await fetch(`${base}/api/v1/tools/litigation-fee?kind=property&amount=100000`, {
      headers: { 'if-none-match': answer.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('answers the range where the 办法 gives one, and takes each kind’s own parameters', async () => {
    expect(await (await get('kind=divorce&property=300000')).json()).toMatchObject({
      fee: 800,
      feeRange: { min: 550, max: 800 },
      basis: '《诉讼费用交纳办法》第十三条第（二）项第1目',
    });
    expect(await (await get('kind=property&amount=10001&simplified=true')).json()).toMatchObject({
      fee: 25.01,
      basis: '《诉讼费用交纳办法》第十三条第（一）项、第十六条',
    });
    expect(await (await get('kind=administrative&matter=patent')).json()).toMatchObject({ fee: 100 });
    expect(await (await get('kind=payment-order&amount=100000')).json()).toMatchObject({ fee: 766.67 });
  });

  it('serves every kind of the schema', async () => {
    const example: Record<string, string> = {
      property: '&amount=1',
      'payment-order': '&amount=1',
      bankruptcy: '&amount=1',
    };
    for (const option of ZLitigationFeeQuery.options) {
      const kind = option.shape.kind.value;
      const answer = await get(`kind=${kind}${example[kind] ?? ''}`);
      expect(answer.status, kind).toBe(200);
    }
  });

  it('refuses a missing or unknown kind with a problem document listing the kinds', async () => {
    expect(await detailOf('amount=100')).toMatch(/^kind: one of property, divorce, .*bankruptcy$/);
    expect(await detailOf('kind=lottery')).toMatch(/^kind: one of /);
  });

  it('names the parameter that is missing or not as described', async () => {
    expect(await detailOf('kind=property')).toBe('amount: required for kind property');
    expect(await detailOf('kind=property&amount=0')).toMatch(/^amount: an amount in yuan above 0/);
    expect(await detailOf('kind=property&amount=12.345')).toMatch(/^amount: an amount in yuan/);
    expect(await detailOf('kind=property&amount=1e5')).toMatch(/^amount: /);
    expect(await detailOf('kind=property&amount=100000000000')).toMatch(/^amount: /);
    expect(await detailOf('kind=divorce&property=-1')).toMatch(/^property: an amount in yuan,/);
    expect(await detailOf('kind=labour&simplified=yes')).toBe('simplified: true or false');
    expect(await detailOf('kind=administrative&matter=tax')).toBe(
      'matter: one of trademark, patent, maritime, other',
    );
  });

  it('answers the articles the fee rests on at the statute library’s address, though the library holds national laws only', async () => {
    const url = `${base}/api/v1/statutes/${encodeURIComponent('诉讼费用交纳办法')}/${encodeURIComponent('第十三条')}`;
    const answer = await asDocumented('GET', url, await fetch(url));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      law: '诉讼费用交纳办法',
      article: 13,
      label: '第十三条',
      status: 'current',
      lawStatus: 'current',
    });
    const missing = `${base}/api/v1/statutes/${encodeURIComponent('诉讼费用交纳办法')}/90`;
    expect((await asDocumented('GET', missing, await fetch(missing))).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    const answer = await fetch(`${base}/api/v1/tools/litigation-fee?kind=labour`, { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });
});
