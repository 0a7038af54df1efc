import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createSecretBox } from '@linju/auth';
import { intakeCase, systemActor } from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

/**
 * The worker process as `npm start` runs it, with its health endpoint on: live, ready once it polls
 * (PostgreSQL and Temporal answering), and /metrics behind the token, with the Temporal SDK
 * runtime's own metrics and the districts' business figures.
 */
const TOKEN = randomBytes(24).toString('base64url');
let child: ChildProcess;
let base: string;
let district: TestDistrict;
const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));

beforeAll(async () => {
  // A district with one case taken in, past its due day: one intake, one overdue case.
  const box = createSecretBox(randomBytes(32));
  district = await createTestDistrict(app.db, box, 'worker-health');
  const taken = await withTenant(app.db, district.tenantId, (tx) =>
    intakeCase(tx, systemActor(district.tenantId), box, {
      channel: 'walk-in',
      organisationId: district.organisations.stationA,
      serviceType: TEST_SERVICE,
      description: '逾期的一件',
      resident: { name: '居民', phone: '13700000011' },
    }),
  );
  await withTenant(owner.db, district.tenantId, (tx) =>
    tx.update(schema.legalCase).set({ dueOn: '2020-01-02' }).where(eq(schema.legalCase.id, taken.id)),
  );

  child = spawn(process.execPath, [new URL('../main.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      DATABASE_APP_URL: inject('databaseUrl'),
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'worker-health-')),
      LINJU_DATA_KEY: inject('dataKey'),
      LINJU_WORKER_HEALTH_PORT: '0',
      LINJU_METRICS_TOKEN: TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const parsed = JSON.parse(line) as { event?: string; port?: number };
      if (parsed.event === 'health') resolve(`http://127.0.0.1:${parsed.port}`);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
  });
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await app.close();
  await owner.close();
});

describe('the worker health endpoint', () => {
  it('is live, and ready once the worker polls with PostgreSQL and Temporal answering', async () => {
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'live' });
    await vi.waitFor(
      async () => {
        const ready = await fetch(`${base}/health/ready`);
        expect(await ready.json()).toEqual({
          status: 'ready',
          worker: 'RUNNING',
          database: 'up',
          temporal: 'up',
        });
        expect(ready.status).toBe(200);
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  it('refuses /metrics without the token', async () => {
    const answer = await fetch(`${base}/metrics`);
    expect(answer.status).toBe(401);
    expect(await answer.text()).not.toContain('temporal_');
  });

  it('exposes the Temporal SDK runtime metrics, the business figures and the pool with the token', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    await vi.waitFor(
      async () => {
        const text = await (await fetch(`${base}/metrics`, { headers })).text();
        // From the SDK's Rust core: its pollers and task slots.
        expect(text).toMatch(/^temporal_num_pollers\{.*\} \d+/m);
        expect(text).toMatch(/^temporal_worker_task_slots_available\{.*\} \d+/m);
      },
      { timeout: 30_000, interval: 500 },
    );
    const text = await (await fetch(`${base}/metrics`, { headers })).text();
    expect(text).toMatch(/^# TYPE linju_intakes gauge$/m);
    expect(text).toMatch(/^# TYPE linju_open_referrals gauge$/m);
    expect(text).toMatch(/^# TYPE linju_outbox_backlog gauge$/m);
    expect(text).toMatch(/^# TYPE linju_overdue_cases gauge$/m);
    expect(text).toMatch(/^linju_db_pool_size 5$/m);
    expect(text).toContain(`linju_intakes{tenant="${district.slug}"} 1\n`);
    expect(text).toContain(`linju_overdue_cases{tenant="${district.slug}"} 1\n`);
    expect(text).toContain(`linju_outbox_backlog{tenant="${district.slug}"} 0\n`);
    // Nothing about the person or the case: only counts, by district.
    expect(text).not.toContain('13700000011');
  });
});
