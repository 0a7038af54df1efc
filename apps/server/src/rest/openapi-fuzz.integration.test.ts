import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERRALS_PATH } from '@linju/federation';
import type { FuzzAnswer } from '@linju/infra-schemathesis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { FUZZ_NODE_ID, type FuzzReport, fuzzOpenApi } from './openapi-fuzz.ts';
import { startServerProcess } from './server-process.ts';

/**
 * The two surfaces partners and the internet reach — REST under /api/v1 and the referral exchange
 * — fuzzed from their OpenAPI document by schemathesis against the real server process, real
 * PostgreSQL and real Temporal. Bounded and seeded, so every run sends the same requests;
 * `scripts/fuzz-openapi.ts` (in `npm run bench`) runs longer with every check.
 */
const target = {
  databaseUrl: inject('databaseUrl'),
  ownerDatabaseUrl: inject('ownerDatabaseUrl'),
  temporalAddress: inject('temporalAddress'),
};

/** The checks of `npm test`: what the brief of the suite promises (issue #14). */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
];

/** The document's operation an answer belongs to (`GET /federation/v1/referrals/{id}`), if any. */
const operations = Object.entries(openApiDocument('http://fuzz').paths).flatMap(([template, item]) => {
  const prefix = 'servers' in item ? '' : '/api/v1';
  const pattern = new RegExp(`^${prefix}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return Object.keys(item)
    .filter((key) => key !== 'servers')
    .map((method) => ({
      name: `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      pattern,
    }));
});
const documented = (answer: FuzzAnswer) =>
  operations.find((o) => o.method === answer.method && o.pattern.test(answer.path))?.name;

describe('the OpenAPI document, fuzzed', () => {
  let report: FuzzReport;
  beforeAll(async () => {
    report = await fuzzOpenApi(target, { checks: CHECKS, maxExamples: 15, seed: 14 });
  }, 600_000);

  it('gets no server error and no answer the document does not describe', () => {
    expect(report.exitCode, report.output).toBe(0);
  });

  it('refuses every unsigned exchange request with a 401 problem document', () => {
    const unsigned = report.answers.filter(
      (a) => a.path.startsWith('/federation/') && !a.signed && documented(a) !== undefined,
    );
    expect(unsigned.length).toBeGreaterThan(20);
    for (const answer of unsigned) {
      expect(answer, `${answer.method} ${answer.path}`).toMatchObject({
        status: 401,
        contentType: 'application/problem+json',
      });
    }
  });

  it('lets signed requests through the signature check to the message checks behind it', () => {
    const signed = report.answers.filter((a) => a.signed);
    expect(signed.filter((a) => a.status === 400).length).toBeGreaterThan(5);
    expect(signed.every((a) => a.status !== 401)).toBe(true);
  });

  it('answers a method a path does not document with 405, its Allow and a problem document', () => {
    const undocumented = report.answers.filter((a) => documented(a) === undefined && a.method !== 'HEAD');
    expect(undocumented.length).toBeGreaterThan(5);
    for (const answer of undocumented) {
      expect(answer, `${answer.method} ${answer.path}`).toMatchObject({
        status: 405,
        allow: expect.stringMatching(/^(GET|POST)/),
        contentType: 'application/problem+json',
      });
    }
  });

  it('reaches the fee calculator with queries it answers and queries it refuses', () => {
    const statuses = new Set(
      report.answers
        .filter((a) => a.method === 'GET' && a.path === '/api/v1/tools/litigation-fee')
        .map((a) => a.status),
    );
    expect([...statuses].sort()).toEqual([200, 400]);
  });

  it('changes nothing with a refused request', () => {
    // A fuzzed message cannot name an organisation served here from the peer's own: none is taken.
    const accepted = report.answers.filter((a) => a.method !== 'GET' && a.status < 300);
    expect(accepted).toEqual([]);
    // The only trace of a refused request: the nonce of each signature checked, kept against replays.
    expect(report.changedTables.map((t) => t.table)).toEqual(['public.federation_nonce']);
    const nonces = report.changedTables[0];
    expect((nonces?.after ?? 0) - (nonces?.before ?? 0)).toBeLessThanOrEqual(
      report.answers.filter((a) => a.signed).length,
    );
  });
});

/** Sends raw bytes (what `fetch` refuses to send) and answers the response's head. */
function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
      socket.end();
    });
    socket.on('close', () => resolve(answer.split('\r\n\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('requests no HTTP client library would send', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'linju-raw-'));
    server = await startServerProcess(target, dataDir, FUZZ_NODE_ID);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers TRACE with 405 and the methods served, not a server error', async () => {
    const head = await rawRequest(
      server.url,
      'TRACE /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(head).toMatch(/^HTTP\/1\.1 405/);
    expect(head).toMatch(/^allow: GET, HEAD, POST$/im);
    expect(head).toMatch(/^content-type: application\/problem\+json$/im);
  });

  it('answers a target no URL can hold with 400, and keeps serving', async () => {
    expect(await rawRequest(server.url, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400/,
    );
    expect((await fetch(`${server.url}/api/v1/openapi.json`)).status).toBe(200);
  });

  it('answers an exchange path that is not valid percent-encoding with 404, not a server error', async () => {
    const path = await rawRequest(
      server.url,
      `GET ${REFERRALS_PATH}/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(path).toMatch(/^HTTP\/1\.1 404/);
    expect(path).toMatch(/^content-type: application\/problem\+json$/im);
  });

  it('takes a cookie that is not valid percent-encoding as absent, not as a server error', async () => {
    const cookie = await fetch(`${server.url}/api/v1/health`, {
      headers: { cookie: 'linju_session=%E0%A4%A' },
    });
    expect(cookie.status).toBe(200);
  });
});
