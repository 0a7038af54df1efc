import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, SESSION_COOKIE } from '@linju/auth';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, freePort } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * One trace from the HTTP request through tRPC and PostgreSQL to Temporal and the worker, as the
 * processes run (`apps/server/src/main.ts`, `apps/worker/src/main.ts`) with OTLP configured.
 * The receiver is a minimal OTLP/HTTP collector in this file, speaking the protocol's documented
 * JSON encoding (what `@opentelemetry/exporter-trace-otlp-http` sends): it stands in for Jaeger or
 * an OpenTelemetry Collector. The processes get a Temporal dev server of their own, so no other
 * test's worker takes their workflow tasks.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const RESIDENT = { name: '钱秀兰', phone: '13912340987', idNumber: '110101199003074514' };

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};
type ReceivedSpan = {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
};

const spans: ReceivedSpan[] = [];
const rawBodies: string[] = [];
const children: ChildProcess[] = [];
const output = { server: '', worker: '' };
let receiver: Server;
let temporal: TemporalDevServer;
let district: TestDistrict;
let base: string;

const otlpValue = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;

/** The OTLP/HTTP traces endpoint (`POST /v1/traces`, JSON): keeps every span with its service. */
function startReceiver(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      rawBodies.push(body);
      const message = JSON.parse(body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: OtlpValue }[] };
          scopeSpans: {
            spans: (Omit<ReceivedSpan, 'attributes' | 'service'> & {
              attributes?: { key: string; value: OtlpValue }[];
            })[];
          }[];
        }[];
      };
      for (const resource of message.resourceSpans) {
        const service = String(
          otlpValue(resource.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {}),
        );
        for (const scope of resource.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              ...span,
              parentSpanId: span.parentSpanId ?? '',
              service,
              attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, otlpValue(a.value)])),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function start(app: 'server' | 'worker', env: NodeJS.ProcessEnv, ready: () => Promise<boolean>) {
  const child = spawn(process.execPath, [join(repoRoot, 'apps', app, 'src', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const keep = (chunk: Buffer) => {
    output[app] = (output[app] + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await until(`${app} ready`, async () => {
    if (child.exitCode !== null) throw new Error(`${app} exited (${child.exitCode}): ${output[app]}`);
    return ready();
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const seen = spans
        .filter((s) => !s.name.startsWith('pg '))
        .map((s) => `${s.service} ${s.name} ${s.traceId.slice(0, 6)}`);
      throw new Error(
        `gave up waiting for ${what}; spans: ${seen.join(', ')}; worker: ${output.worker
          .split('\n')
          .map((l) => l.slice(0, 400))
          .join('\n')
          .slice(-6000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A tRPC mutation over HTTP from the given local address (127.0.0.2 is the trusted proxy). */
function mutate(
  procedure: string,
  input: unknown,
  options: { session?: string; from?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: { result?: { data: unknown } } }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}/trpc/${procedure}`,
      {
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.session ? { cookie: `${SESSION_COOKIE}=${options.session}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const data = <T>(answer: { body: { result?: { data: unknown } } }) => answer.body.result?.data as T;

beforeAll(async () => {
  const box = createSecretBox(Buffer.from(inject('dataKey'), 'base64'));
  const app = connect(inject('databaseUrl'), { max: 2 });
  district = await createTestDistrict(app.db, box, 'trace');
  await app.close();
  const [otlpPort, temporalPort, port] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'linju-trace-'));
  [receiver, temporal] = await Promise.all([
    startReceiver(otlpPort),
    startTemporalDevServer({
      cli: ensureTemporalCli(),
      port: temporalPort,
      dbFile: join(dataDir, 'temporal.db'),
    }),
  ]);
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_APP_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: temporal.address,
    LINJU_DATA_DIR: dataDir,
    LINJU_DATA_KEY: inject('dataKey'),
    LINJU_PUBLIC_URL: base,
    LINJU_ADMIN_BUILD: join(dataDir, 'no-admin-build'),
    LINJU_TRUSTED_PROXIES: '127.0.0.2/32',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
    // Sent within a tenth of a second rather than five: the test waits for spans, not for batches.
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  await start('server', env, () =>
    fetch(`${base}/api/v1/health/live`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  await start('worker', env, async () => output.worker.includes('"event":"started"'));
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  );
  await temporal?.stop();
  receiver?.close();
});

describe('OpenTelemetry traces over OTLP', () => {
  let traceId: string;

  it('follows one intake and referral from HTTP through tRPC and SQL to the worker’s activity', async () => {
    const login = await mutate('auth.login', {
      tenantSlug: district.slug,
      username: 'desk-a',
      password: TEST_PASSWORD,
    });
    const { sessionToken } = data<{ sessionToken: string }>(login);
    const created = await mutate(
      'case.create',
      {
        channel: 'walk-in',
        resident: RESIDENT,
        serviceType: TEST_SERVICE,
        description: '邻里纠纷，需法院司法确认',
        organisationId: district.organisations.stationA,
      },
      { session: sessionToken },
    );
    expect(created.status).toBe(200);
    const caseId = data<{ id: string }>(created).id;
    await mutate(
      'case.recordConsent',
      { caseId, partnerOrganisationId: district.organisations.court },
      { session: sessionToken },
    );
    const sent = await mutate(
      'referral.create',
      {
        caseId,
        toOrganisationId: district.organisations.court,
        kind: 'judicial-confirmation',
        summary: '请确认',
      },
      { session: sessionToken },
    );
    expect(sent.status).toBe(200);
    // The workflow's first effect was written with the row: its activities run on the next event.
    const referralId = data<{ id: string }>(sent).id;
    const cancelled = await mutate(
      'referral.cancel',
      { referralId, reason: '当事人已和解' },
      { session: sessionToken },
    );
    expect(cancelled.status).toBe(200);

    const requestOf = (procedure: string) =>
      until(`the span of the request calling ${procedure}`, async () => {
        const call = spans.find((s) => s.name === `trpc ${procedure}`);
        return call && spans.find((s) => s.spanId === call.parentSpanId);
      });
    const send = await requestOf('referral.create');
    const cancel = await requestOf('referral.cancel');
    traceId = send.traceId;
    const activity = await until('the worker’s activity span in the cancel’s trace', async () =>
      spans.find(
        (s) =>
          s.traceId === cancel.traceId && s.service === 'linju-worker' && s.name.startsWith('RunActivity:'),
      ),
    );
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan) => {
      const names: string[] = [];
      for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) names.push(at.name);
      return names;
    };
    const inSend = spans.filter((s) => s.traceId === send.traceId);

    // The send: HTTP (a route pattern) → procedure → its transaction → the statements → the workflow start.
    expect(send).toMatchObject({ service: 'linju-server', parentSpanId: '', name: 'POST /trpc/:procedure' });
    expect(send.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/trpc/:procedure',
      'http.response.status_code': 200,
    });
    const procedure = inSend.find((s) => s.name === 'trpc referral.create');
    expect(procedure?.parentSpanId).toBe(send.spanId);
    const transaction = inSend.find(
      (s) => s.name === 'pg transaction' && s.parentSpanId === procedure?.spanId,
    );
    const statements = inSend.filter((s) => s.parentSpanId === transaction?.spanId);
    expect(statements.map((s) => s.attributes['db.query.text'])).toContainEqual(
      expect.stringMatching(/^insert into "referral"/),
    );
    const start = inSend.find((s) => s.name === 'StartWorkflow:referralWorkflow');
    expect(start?.service).toBe('linju-server');
    expect(ancestors(start as ReceivedSpan)).toContain('trpc referral.create');

    // The cancel crosses into the worker: W3C context in Temporal's headers, the activity's SQL below it.
    expect(ancestors(activity)).toEqual(expect.arrayContaining(['trpc referral.cancel', cancel.name]));
    expect(ancestors(activity).at(-1)).toBe(cancel.name);
    const workerSql = await until('the activity’s statements', async () =>
      spans.find(
        (s) => s.service === 'linju-worker' && s.name.startsWith('pg ') && s.parentSpanId === activity.spanId,
      ),
    );
    expect(workerSql.traceId).toBe(cancel.traceId);
  });

  it('never exports the resident’s name, phone or id number, nor a raw path', async () => {
    const exported = rawBodies.join('\n');
    expect(exported).toContain('trpc case.create');
    for (const personal of [RESIDENT.name, RESIDENT.phone, RESIDENT.idNumber, TEST_PASSWORD])
      expect(exported).not.toContain(personal);
    expect(exported).not.toContain(district.slug);
  });

  it('writes the trace id on the request’s log lines', () => {
    const lines = output.server
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { traceId?: string; msg?: string });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.some((line) => line.msg === 'request' && line.traceId === traceId)).toBe(true);
  });

  it('continues a traceparent from a trusted proxy only: a client cannot choose its trace', async () => {
    const claimed = randomBytes(16).toString('hex');
    const traceparent = `00-${claimed}-${randomBytes(8).toString('hex')}-01`;
    const proxied = randomBytes(16).toString('hex');
    await mutate(
      'auth.login',
      { tenantSlug: district.slug, username: 'desk-a', password: 'not it' },
      {
        headers: { traceparent },
      },
    );
    await mutate(
      'auth.login',
      { tenantSlug: district.slug, username: 'desk-a', password: 'not it' },
      {
        from: '127.0.0.2',
        headers: { traceparent: `00-${proxied}-${randomBytes(8).toString('hex')}-01` },
      },
    );
    // Three sign-ins traced so far: the first test's and these two.
    await until(
      'both sign-ins’ spans',
      async () => spans.filter((s) => s.name === 'trpc auth.login').length >= 3,
    );
    expect(spans.filter((s) => s.traceId === proxied).map((s) => s.name)).toContain('trpc auth.login');
    expect(spans.some((s) => s.traceId === claimed)).toBe(false);
  });
});
