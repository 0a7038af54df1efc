import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createSecretBox } from '@linju/auth';
import {
  appendAudit,
  attachDocument,
  createPostgresDocumentStore,
  createReferral,
  frame,
  intakeCase,
  readWholeDocument,
  receiveReferral,
  recordPartnerConsent,
  sealArchive,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_SERVICE } from '@linju/core/testing';
import { appendAuditSealed } from '@linju/core/testing/append-audit-sealed';
import {
  appUrlFrom,
  connect,
  migrate,
  migrateToVersion,
  releaseCoreMigrations,
  sealedColumns,
  sql,
  withTenant,
} from '@linju/db';
import { pluginMigrations } from '@linju/plugins';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The backup drill: a district with cases, referrals sent and received, documents and anchored
 * audit entries is backed up with `linju backup`, restored with `linju restore` into a fresh
 * database on the same server, and passes `linju audit verify` there.
 */
const main = join(import.meta.dirname, '..', 'main.ts');
const dataKey = inject('dataKey');
const appPassword = decodeURIComponent(new URL(inject('databaseUrl')).password);
const server = connect(inject('ownerDatabaseUrl'), { max: 1 });
const run = randomBytes(3).toString('hex');

const ownerUrlOf = (name: string) => {
  const url = new URL(inject('ownerDatabaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
};

/** A database of its own on the run's server: empty, not even migrated. */
async function freshDatabase(label: string): Promise<string> {
  const name = `drill_${label}_${run}`;
  await server.db.execute(sql.raw(`create database ${name}`));
  return ownerUrlOf(name);
}

function linju(
  env: { ownerUrl: string; dataDir: string; dataKey?: string },
  ...args: string[]
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: {
        ...process.env,
        LINJU_DATA_DIR: env.dataDir,
        LINJU_DATA_KEY: env.dataKey ?? dataKey,
        DATABASE_URL: env.ownerUrl,
        DATABASE_APP_URL: appUrlFrom(env.ownerUrl, appPassword),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Rows of a query on one database, as its owner. */
async function query<T>(ownerUrl: string, text: string): Promise<T[]> {
  const { db, close } = connect(ownerUrl, { max: 1 });
  try {
    return [...(await db.execute(sql.raw(text)))] as T[];
  } finally {
    await close();
  }
}

/** Every table of the public schema with its row count (the catalogue's list, as the backup reads it). */
async function rowCounts(ownerUrl: string): Promise<Record<string, number>> {
  const [row] = await query<{ counts: Record<string, number> }>(
    ownerUrl,
    `select coalesce(jsonb_object_agg(c.relname,
       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', c.relname), false, true, '')))[1]::text::int),
       '{}') as counts
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'plugin_migration'`,
  );
  return row?.counts ?? {};
}

const isEmpty = async (ownerUrl: string) => Object.values(await rowCounts(ownerUrl)).every((n) => n === 0);

/** An audit entry any district may record (a holiday set on its calendar). */
const holiday = (day: string) => ({
  actorId: null,
  actorName: 'drill',
  action: 'calendar.day_set' as const,
  objectType: 'calendar' as const,
  objectId: day,
});

/** This release's append, in a restored deployment, as its server would. */
async function appendInRestored(ownerUrl: string, tenantId: string, entry: ReturnType<typeof holiday>) {
  const app = connect(appUrlFrom(ownerUrl, appPassword));
  try {
    await withTenant(app.db, tenantId, (tx) => appendAudit(tx, entry));
  } finally {
    await app.close();
  }
}

const source = { ownerUrl: '', dataDir: mkdtempSync(join(tmpdir(), 'linju-drill-src-')) };
const archive = join(source.dataDir, 'deployment.lbk');
const box = createSecretBox(Buffer.from(dataKey, 'base64'));
let district = { tenantId: '', slug: '' };
const residentPhone = '13912340001';

beforeAll(async () => {
  source.ownerUrl = await freshDatabase('src');
  await migrate(source.ownerUrl, appPassword, { plugins: pluginMigrations });
  const app = connect(appUrlFrom(source.ownerUrl, appPassword));
  const files = createPostgresDocumentStore({ db: app.db, box, maxBytes: 1024 * 1024 });
  try {
    const a = await createTestDistrict(app.db, box, 'drill');
    await createTestDistrict(app.db, box, 'neighbour');
    district = { tenantId: a.tenantId, slug: a.slug };
    await withTenant(app.db, a.tenantId, async (tx) => {
      const actor = systemActor(a.tenantId, 'test');
      const intake = await intakeCase(tx, actor, box, {
        channel: 'walk-in',
        resident: { name: '演练居民', phone: residentPhone },
        serviceType: TEST_SERVICE,
        description: '邻里漏水纠纷',
        organisationId: a.organisations.stationA,
        parties: [{ role: 'adverse', name: '楼上住户' }],
      });
      for (const [fileName, body] of [
        ['协议.pdf', '%PDF-1.4\n调解协议\n%%EOF\n'],
        ['照片说明.pdf', '%PDF-1.4\n漏水照片\n%%EOF\n'],
      ] as const) {
        await attachDocument(tx, actor, files, {
          caseId: intake.id,
          fileName,
          contentType: 'application/pdf',
          contentBase64: Buffer.from(body).toString('base64'),
        });
      }
      await recordPartnerConsent(tx, actor, {
        caseId: intake.id,
        partnerOrganisationId: a.organisations.court,
      });
      await createReferral(
        tx,
        actor,
        box,
        {
          caseId: intake.id,
          toOrganisationId: a.organisations.court,
          kind: 'judicial-confirmation',
          summary: '司法确认',
        },
        { initialEffectKey: (id) => `referral:${a.tenantId}:${id}#1` },
      );
      const message = {
        id: `r-drill-${run}`,
        from: 'caojiadu-station@shanghai-jingan',
        to: `centre@drill-${run}`,
        kind: 'judicial-confirmation',
        subject: { displayName: '陈建国', phone: '13800138000', groups: ['elderly'] as string[] },
        summary: '邻区转来的纠纷',
        attachments: [] as never[],
        requestedBy: { name: '王调解', role: '人民调解员' },
        dueBy: '2026-12-31',
        createdAt: '2026-12-01T09:30:00+08:00',
      };
      await receiveReferral(tx, box, {
        tenantId: a.tenantId,
        senderNode: 'shanghai-jingan',
        idempotencyKey: `drill-${run}`,
        body: Buffer.from(JSON.stringify(message)),
        message,
      });
    });
  } finally {
    await app.close();
  }
  // Anchored outside the database: the restore must bring the checkpoints back too.
  expect((await linju(source, 'audit', 'checkpoint')).code).toBe(0);
  const made = await linju(source, 'backup', '--out', archive);
  expect(made).toMatchObject({ code: 0, out: expect.stringContaining('Backed up') });
}, 240_000);

afterAll(() => server.close());

/** A deployment that has nothing yet but its secrets: the data key (env) and the node key. */
function emptyDeployment(label: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `linju-drill-${label}-`));
  cpSync(join(source.dataDir, 'federation'), join(dataDir, 'federation'), { recursive: true });
  return dataDir;
}

describe('linju backup and linju restore', () => {
  it('restore a district into an empty deployment that verifies, with every row, sealed value and document', async () => {
    const target = { ownerUrl: await freshDatabase('dst'), dataDir: emptyDeployment('dst') };
    const restored = await linju(target, 'restore', '--from', archive);
    expect(restored, restored.out).toMatchObject({ code: 0, out: expect.stringContaining('Restored') });

    const counts = await rowCounts(target.ownerUrl);
    expect(counts).toEqual(await rowCounts(source.ownerUrl));
    // The restored deployment numbers what it writes next past every restored row (identity columns).
    const [{ last } = { last: '0' }] = await query<{ last: string }>(
      target.ownerUrl,
      'select max(id)::text as last from audit_entry',
    );
    await appendInRestored(target.ownerUrl, district.tenantId, holiday('2026-12-31'));
    expect(
      await query<{ id: string }>(
        target.ownerUrl,
        `select id::text from audit_entry where object_id = '2026-12-31' and tenant_id = '${district.tenantId}'`,
      ),
    ).toEqual([{ id: String(Number(last) + 1) }]);
    const verified = await linju(target, 'audit', 'verify', district.slug);
    expect(verified, verified.out).toMatchObject({
      code: 0,
      out: expect.stringMatching(/holds[\s\S]*[1-9]\d* checkpoints of .* match/),
    });
    expect(counts).toMatchObject({
      case: 1,
      referral: 1,
      federation_inbox: 1,
      case_document: 2,
      document_blob: 2,
      document_chunk: 2,
    });

    const [resident] = await query<{ phone: string }>(
      target.ownerUrl,
      `select phone_encrypted as phone from resident where tenant_id = '${district.tenantId}'`,
    );
    expect(box.decrypt(resident?.phone ?? '', district.tenantId, sealedColumns.residentPhone)).toBe(
      residentPhone,
    );
    const documents = await query<{ key: string }>(
      target.ownerUrl,
      'select storage_key as key from case_document',
    );
    expect(documents).toHaveLength(2);
    // The documents came with the tables (the PostgreSQL store): the restored ones open, byte-identical.
    const sourceApp = connect(appUrlFrom(source.ownerUrl, appPassword));
    const targetApp = connect(appUrlFrom(target.ownerUrl, appPassword));
    try {
      const from = createPostgresDocumentStore({ db: sourceApp.db, box, maxBytes: 1024 * 1024 });
      const to = createPostgresDocumentStore({ db: targetApp.db, box, maxBytes: 1024 * 1024 });
      for (const { key } of documents)
        expect(await readWholeDocument(to, key)).toEqual(await readWholeDocument(from, key));
    } finally {
      await Promise.all([sourceApp.close(), targetApp.close()]);
    }
  }, 240_000);

  it('refuses an archive with one byte flipped, and leaves the target empty', async () => {
    const tampered = join(source.dataDir, 'tampered.lbk');
    const bytes = readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8((bytes.readUInt8(middle) ^ 0x01) & 0xff, middle);
    writeFileSync(tampered, bytes);
    const target = { ownerUrl: await freshDatabase('tampered'), dataDir: emptyDeployment('tampered') };
    const { code, out } = await linju(target, 'restore', '--from', tampered);
    expect(code).toBe(1);
    expect(out).toContain('damaged or was altered');
    expect(out).not.toMatch(/\n\s+at /);
    expect(await isEmpty(target.ownerUrl)).toBe(true);
    expect(existsSync(join(target.dataDir, 'audit-checkpoints'))).toBe(false);
  }, 120_000);

  it('refuses a wrong data key, naming the key the backup needs', async () => {
    const target = { ownerUrl: await freshDatabase('wrongkey'), dataDir: emptyDeployment('wrongkey') };
    const { code, out } = await linju(
      { ...target, dataKey: randomBytes(32).toString('base64') },
      'restore',
      '--from',
      archive,
    );
    expect(code).toBe(1);
    expect(out).toContain('The backup was sealed with data key');
    expect(await isEmpty(target.ownerUrl)).toBe(true);
  }, 120_000);

  it('refuses a non-empty deployment and changes nothing there', async () => {
    const before = await rowCounts(source.ownerUrl);
    const { code, out } = await linju(
      { ...source, dataDir: emptyDeployment('busy') },
      'restore',
      '--from',
      archive,
    );
    expect(code).toBe(1);
    expect(out).toContain('The target database is not empty');
    expect(await rowCounts(source.ownerUrl)).toEqual(before);
  }, 120_000);

  it('restores a backup of an older release into its own schema, then upgrades it to this one', async () => {
    const older = { ownerUrl: await freshDatabase('older'), dataDir: emptyDeployment('older') };
    const release = releaseCoreMigrations();
    const plugins = pluginMigrations.flatMap((set) => set.migrations.map((m) => `${set.pluginId}/${m.name}`));
    // Two releases back: before the sealer (0068), whose migration must number the restored chain.
    await migrateToVersion(
      older.ownerUrl,
      appPassword,
      { core: release.slice(0, -2), plugins },
      { plugins: pluginMigrations },
    );
    // What that release wrote, in its own shape: today's services would name columns it lacks.
    const tenantId = randomUUID();
    const slug = `older-${run}`;
    await query(
      older.ownerUrl,
      `insert into tenant (id, slug, name_zh, name_en, division_code)
       values ('${tenantId}', '${slug}', '旧版区', 'Older district', '310198')`,
    );
    const app = connect(appUrlFrom(older.ownerUrl, appPassword));
    try {
      for (const objectId of ['2026-10-01', '2026-10-02', '2026-10-03'])
        await withTenant(app.db, tenantId, (tx) => appendAuditSealed(tx, tenantId, holiday(objectId)));
    } finally {
      await app.close();
    }
    const file = join(older.dataDir, 'older.lbk');
    expect((await linju(older, 'backup', '--out', file)).code).toBe(0);

    const target = { ownerUrl: await freshDatabase('upgraded'), dataDir: emptyDeployment('upgraded') };
    const restored = await linju(target, 'restore', '--from', file);
    expect(restored, restored.out).toMatchObject({ code: 0 });
    const applied = await query<{ hash: string }>(
      target.ownerUrl,
      'select hash from drizzle.__drizzle_migrations order by id',
    );
    expect(applied.map((r) => r.hash)).toEqual(release);
    expect(await rowCounts(target.ownerUrl)).toMatchObject({ tenant: 1, tenant_erasure: 0, audit_entry: 3 });
    // The upgrade numbered the old chain in its order; this release's entries follow it.
    await appendInRestored(target.ownerUrl, tenantId, holiday('2026-10-04'));
    expect(
      await query<{ id: string; seq: string | null }>(
        target.ownerUrl,
        `select id::text, seq::text from audit_entry where tenant_id = '${tenantId}' order by id`,
      ),
    ).toEqual([
      { id: '1', seq: '1' },
      { id: '2', seq: '2' },
      { id: '3', seq: '3' },
      { id: '4', seq: null },
    ]);
    const verified = await linju(target, 'audit', 'verify', slug);
    expect(verified, verified.out).toMatchObject({
      code: 0,
      out: expect.stringContaining(`Audit chain of ${slug} holds: 4 entries`),
    });
  }, 240_000);

  it('refuses a backup of a newer schema than this release', async () => {
    const dataDir = emptyDeployment('newer');
    const core = (
      await query<{ hash: string }>(
        source.ownerUrl,
        'select hash from drizzle.__drizzle_migrations order by id',
      )
    ).map((r) => r.hash);
    const newer = join(dataDir, 'newer.lbk');
    const header = {
      format: 'linju-backup/1',
      createdAt: new Date().toISOString(),
      nodeId: 'elsewhere',
      schema: { core: [...core, 'a-migration-of-the-next-release'], plugins: [] },
    };
    await pipeline(
      Readable.from(
        sealArchive(
          (async function* () {
            yield frame('H', header);
            yield frame('M', { parts: [], sequences: [] });
          })(),
          { current: Buffer.from(dataKey, 'base64'), retired: [] },
        ),
      ),
      createWriteStream(newer),
    );
    const target = { ownerUrl: await freshDatabase('newer'), dataDir };
    const { code, out } = await linju(target, 'restore', '--from', newer);
    expect(code).toBe(1);
    expect(out).toContain('made by a newer release');
    expect(await isEmpty(target.ownerUrl)).toBe(true);
  }, 120_000);
});
