import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import {
  attachDocument,
  createPostgresDocumentStore,
  createReferral,
  intakeCase,
  recordPartnerConsent,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, sql, withTenant } from '@linju/db';
import { ensureTenantSchedules, linjuDataConverter, tenantScheduleId } from '@linju/workflows';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/** `linju tenant export` and `linju tenant offboard` against the run's database. */
const main = join(import.meta.dirname, '..', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-offboard-'));
const owner = connect(inject('ownerDatabaseUrl'));
const app = connect(inject('databaseUrl'));
const box = createSecretBox(Buffer.from(inject('dataKey'), 'base64'));
const files = createPostgresDocumentStore({ db: app.db, box, maxBytes: 1024 * 1024 });
const residentPhone = '13912340077';
const pdf = Buffer.from('%PDF-1.4\n调解协议书\n%%EOF\n');
let leaving: TestDistrict;
let staying: TestDistrict;
let referralId = '';
let documentKey = '';

afterAll(async () => {
  await client?.connection.close();
  await app.close();
  await owner.close();
});

/** The district's documents in the PostgreSQL store, counted past RLS. */
const storedDocuments = async (tenantId: string) => {
  const [row] = await owner.db.execute<{ n: number }>(
    sql`select count(*)::int as n from document_blob where tenant_id = ${tenantId}`,
  );
  return row?.n;
};

function linju(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: {
        ...process.env,
        LINJU_DATA_DIR: dataDir,
        LINJU_DATA_KEY: inject('dataKey'),
        DATABASE_URL: inject('ownerDatabaseUrl'),
        DATABASE_APP_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Rows holding this tenant id, in every table with a tenant_id column (from the catalogue). */
async function rowsOf(tenantId: string): Promise<Record<string, number>> {
  const [row] = await owner.db.execute<{ counts: Record<string, number> | null }>(sql`
    select jsonb_object_agg(c.table_name,
      (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I where tenant_id = %L', c.table_name, ${tenantId}::text), false, true, '')))[1]::text::int) as counts
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'`);
  return Object.fromEntries(Object.entries(row?.counts ?? {}).filter(([, n]) => n > 0));
}

beforeAll(async () => {
  leaving = await createTestDistrict(app.db, box, 'leaving');
  staying = await createTestDistrict(app.db, box, 'staying');
  for (const district of [leaving, staying]) {
    await withTenant(app.db, district.tenantId, async (tx) => {
      const actor = systemActor(district.tenantId, 'test');
      const intake = await intakeCase(tx, actor, box, {
        channel: 'walk-in',
        resident: { name: '离开的居民', phone: residentPhone },
        serviceType: TEST_SERVICE,
        description: '邻里纠纷',
        organisationId: district.organisations.stationA,
        parties: [{ role: 'adverse', name: '邻居' }],
      });
      await attachDocument(tx, actor, files, {
        caseId: intake.id,
        fileName: '协议.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.concat([pdf, Buffer.from(district.slug)]).toString('base64'),
      });
      await recordPartnerConsent(tx, actor, {
        caseId: intake.id,
        partnerOrganisationId: district.organisations.court,
      });
      const { referral } = await createReferral(
        tx,
        actor,
        box,
        {
          caseId: intake.id,
          toOrganisationId: district.organisations.court,
          kind: 'judicial-confirmation',
          summary: '司法确认',
        },
        { initialEffectKey: (id) => `referral:${district.tenantId}:${id}#1` },
      );
      if (district === leaving) referralId = referral.id;
    });
  }
  const [document] = await owner.db.execute<{ key: string }>(
    sql`select storage_key as key from case_document where tenant_id = ${leaving.tenantId}`,
  );
  documentKey = document?.key ?? '';
  // The schedules the worker makes for every district.
  for (const district of [leaving, staying])
    await ensureTenantSchedules(await temporal(), {
      tenantId: district.tenantId,
      timeZone: 'Asia/Shanghai',
      taskQueue: 'offboarding-test',
    });
}, 120_000);

let client: Client | undefined;
async function temporal(): Promise<Client> {
  client ??= new Client({
    connection: await Connection.connect({ address: inject('temporalAddress') }),
    dataConverter: linjuDataConverter({ current: Buffer.from(inject('dataKey'), 'base64'), retired: [] }),
  });
  return client;
}

const scheduleExists = (tenantId: string) =>
  temporal()
    .then((c) => c.schedule.getHandle(tenantScheduleId('escalation', tenantId)).describe())
    .then(
      () => true,
      (error) => {
        if (error instanceof ScheduleNotFoundError) return false;
        throw error;
      },
    );

describe('linju tenant export', () => {
  it('writes every table the district owns as JSON lines with personal data opened, its documents and a manifest, and audits it', async () => {
    const out = join(dataDir, 'export-only');
    const { code, out: printed } = await linju('tenant', 'export', leaving.slug, '--out', out);
    expect(code, printed).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.tenant).toEqual({ id: leaving.tenantId, slug: leaving.slug });
    const tables = Object.fromEntries(
      manifest.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]),
    );
    // Every table holding its rows is there, with as many lines as rows.
    const owned = await rowsOf(leaving.tenantId);
    for (const [table, n] of Object.entries(owned))
      if (table !== 'audit_entry' && table !== 'audit_head') expect(tables[table]).toBe(n);
    expect(tables.tenant).toBe(1);
    const residents = readFileSync(join(out, 'tables', 'resident.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(residents[0]).toMatchObject({ phone_encrypted: residentPhone });
    expect(residents[0]).not.toHaveProperty('phone_index');
    expect(residents[0]).not.toHaveProperty('search_tokens');
    expect(readFileSync(join(out, 'files', documentKey))).toEqual(
      Buffer.concat([pdf, Buffer.from(leaving.slug)]),
    );
    expect(readFileSync(join(out, 'tables', 'case_document.jsonl'), 'utf8')).not.toContain(staying.tenantId);

    const [last] = await owner.db.execute<{ action: string; actor: string }>(sql`
      select action, actor_name as actor from audit_entry where tenant_id = ${leaving.tenantId} order by id desc limit 1`);
    expect(last).toEqual({ action: 'tenant.exported', actor: 'platform operator (linju CLI)' });
    expect(await linju('audit', 'verify', leaving.slug)).toMatchObject({ code: 0 });
  });

  it('refuses a folder that is not empty', async () => {
    const out = join(dataDir, 'export-only');
    const { code, out: printed } = await linju('tenant', 'export', leaving.slug, '--out', out);
    expect(code).toBe(1);
    expect(printed).toContain('is not empty');
  });
});

describe('linju tenant offboard', () => {
  it('asks for the slug again before erasing', async () => {
    const { code, out } = await linju(
      'tenant',
      'offboard',
      leaving.slug,
      '--confirm',
      'another',
      '--out',
      join(dataDir, 'x'),
    );
    expect(code).toBe(1);
    expect(out).toContain('--confirm');
    expect(await rowsOf(leaving.tenantId)).toMatchObject({ case: 1 });
  });

  it('is refused while a referral with another node is open, unless forced', async () => {
    await owner.db.execute(
      sql`update referral set remote_node = 'linju.jingan.example' where id = ${referralId}`,
    );
    const { code, out } = await linju(
      'tenant',
      'offboard',
      leaving.slug,
      '--confirm',
      leaving.slug,
      '--out',
      join(dataDir, 'refused'),
    );
    expect(code).toBe(1);
    expect(out).toContain('1 referrals open with other nodes');
    expect(await rowsOf(leaving.tenantId)).toMatchObject({ case: 1, referral: 1 });
    expect(await storedDocuments(leaving.tenantId)).toBe(1);
    expect(await scheduleExists(leaving.tenantId)).toBe(true);
  });

  it('erases every row and document of the district, keeps the record, and leaves the other district whole', async () => {
    // Every district of the shared run database is anchored; another file's may be broken on purpose.
    await linju('audit', 'checkpoint');
    const anchors = (tenantId: string) => existsSync(join(dataDir, 'audit-checkpoints', `${tenantId}.jsonl`));
    expect(anchors(leaving.tenantId)).toBe(true);
    const before = await rowsOf(staying.tenantId);
    const out = join(dataDir, 'offboarded');
    const { code, out: printed } = await linju(
      'tenant',
      'offboard',
      leaving.slug,
      '--confirm',
      leaving.slug,
      '--out',
      out,
      '--force',
    );
    expect(code, printed).toBe(0);

    expect(await rowsOf(leaving.tenantId)).toEqual({});
    const [tenantRow] = await owner.db.execute(sql`select 1 from tenant where id = ${leaving.tenantId}`);
    expect(tenantRow).toBeUndefined();
    expect(await storedDocuments(leaving.tenantId)).toBe(0);
    expect(existsSync(join(out, 'files', documentKey))).toBe(true);
    const [record] = await owner.db.execute<{ slug: string; by: string; cases: number }>(sql`
      select slug, erased_by as by, (counts->>'case')::int as cases from tenant_erasure where erased_tenant_id = ${leaving.tenantId}`);
    expect(record).toEqual({ slug: leaving.slug, by: 'platform operator (linju CLI)', cases: 1 });
    // The application role can neither read nor forge the platform's record.
    await expect(app.db.execute(sql`select * from tenant_erasure`)).rejects.toThrow();

    expect(printed).toMatch(/Deleted [1-9]\d* Temporal schedules/);
    expect(await scheduleExists(leaving.tenantId)).toBe(false);
    expect(anchors(leaving.tenantId)).toBe(false);
    expect(anchors(staying.tenantId)).toBe(true);
    expect(await scheduleExists(staying.tenantId)).toBe(true);
    expect(await rowsOf(staying.tenantId)).toEqual(before);
    const verified = await linju('audit', 'verify', staying.slug);
    expect(verified, verified.out).toMatchObject({ code: 0, out: expect.stringContaining('holds') });
  });
});
