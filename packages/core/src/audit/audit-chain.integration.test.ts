import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, schema, sql, withTenant } from '@linju/db';
import { loadOrCreateNodeKey } from '@linju/federation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAuditSealed } from '../testing/append-audit-sealed.ts';
import { rewriteAuditChain } from '../testing/rewrite-audit-chain.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { appendAudit } from './append-audit.ts';
import { type AuditCheckpointLog, createAuditCheckpointLog } from './audit-checkpoint-log.ts';
import { auditEntryHash, GENESIS_HASH, unsealedEntryMac } from './audit-entry-hash.ts';
import { auditKeyOf } from './audit-key.ts';
import { checkpointAuditChain } from './checkpoint-audit-chain.ts';
import { sealAuditChain, sealTenantAuditChain } from './seal-audit-chain.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { verifyAuditCheckpoints } from './verify-audit-checkpoints.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
/** As `linju audit verify` does: what was written is sealed first, then the chain verified. */
const verifyTenant = (tenantId: string) =>
  withTenant(app.db, tenantId, async (tx) => {
    await sealAuditChain(tx);
    return verifyAuditChain(tx);
  });
const verify = () => verifyTenant(district.tenantId);
/** A district made, and its set-up's entries sealed as the worker's sealer would moments later. */
const newDistrict = async (label: string) => {
  const made = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), label);
  await sealTenantAuditChain(app.db, made.tenantId);
  return made;
};
const nodeKeyIn = () => loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'linju-node-key-')));
const checkpointLogIn = async () =>
  createAuditCheckpointLog(mkdtempSync(join(tmpdir(), 'linju-audit-checkpoints-')), await nodeKeyIn());

/** A fresh tenant with no audit entry yet, made by the owner. */
async function emptyTenant(label: string): Promise<string> {
  const tenantId = randomUUID();
  await owner.db.insert(schema.tenant).values({
    id: tenantId,
    slug: `${label}-${tenantId.slice(0, 8)}`,
    nameZh: '新区',
    nameEn: 'New district',
    divisionCode: '310199',
  });
  return tenantId;
}

const testEntry = (objectId: string) => ({
  actorId: null,
  actorName: 'test',
  // Any action of the vocabulary will do: the chain hashes whatever it is given.
  action: 'calendar.day_set' as const,
  objectType: 'calendar' as const,
  objectId,
});

beforeAll(async () => {
  district = await newDistrict('audit');
});
afterAll(async () => {
  await app.close();
  await owner.close();
});

describe('the audit hash chain', () => {
  it('holds for everything onboarding and set-up recorded', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true });
    expect(report.entries).toBeGreaterThanOrEqual(10); // tenant, centre, admin, services, 4 units, 4 people…
  });

  it('never forks when a district’s changes commit at the same moment', async () => {
    const district2 = await newDistrict('audit-race');
    const before = await verifyTenant(district2.tenantId);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withTenant(app.db, district2.tenantId, (tx) =>
          appendAudit(tx, {
            actorId: null,
            actorName: 'test',
            action: 'calendar.day_set',
            objectType: 'calendar',
            objectId: String(i),
          }),
        ),
      ),
    );
    const report = await verifyTenant(district2.tenantId);
    expect(report).toMatchObject({ ok: true, entries: before.entries + 12, unsealed: 0 });
  });

  it('never forks when a new district’s first entries commit at the same moment', async () => {
    // No entry yet, so no chain head to lock: the first appends queue on the tenant instead.
    // Many connections at once (issue 20): each transaction appends several entries, with other
    // statements between, so first appends, head locks and commits interleave.
    const tenantId = await emptyTenant('audit-first');
    const crowd = connect(inject('databaseUrl'), { max: 24 });
    try {
      await Promise.all(
        Array.from({ length: 48 }, (_, i) =>
          withTenant(crowd.db, tenantId, async (tx) => {
            for (const step of [1, 2, 3]) {
              await appendAudit(tx, testEntry(`${i}.${step}`));
              await tx.execute(sql`select pg_catalog.txid_current()`);
            }
          }),
        ),
      );
    } finally {
      await crowd.close();
    }
    expect(await verifyTenant(tenantId)).toMatchObject({ ok: true, entries: 48 * 3 });
  });

  it('lets a district’s audited changes commit while another is still open, and chains each once committed', async () => {
    const busy = await newDistrict('audit-unlocked');
    const before = await verifyTenant(busy.tenantId);
    const ids = (tx: Parameters<typeof verifyAuditChain>[0]) =>
      tx
        .select({ objectId: schema.auditEntry.objectId, seq: schema.auditEntry.seq })
        .from(schema.auditEntry)
        .where(sql`${schema.auditEntry.objectId} in ('open', 'committed', 'rolled back')`);
    // The first change stays open while a second one commits: a lock on the district's chain
    // would make the second wait for the first, and this test never finish.
    const others = connect(inject('databaseUrl'));
    try {
      await withTenant(app.db, busy.tenantId, async (open) => {
        await appendAudit(open, testEntry('open'));
        await withTenant(others.db, busy.tenantId, (tx) => appendAudit(tx, testEntry('committed')));
        await withTenant(others.db, busy.tenantId, async (tx) => {
          await appendAudit(tx, testEntry('rolled back'));
          throw new Error('the change fails');
        }).catch(() => undefined);
        expect(await withTenant(others.db, busy.tenantId, verifyAuditChain)).toMatchObject({
          ok: true,
          entries: before.entries,
          unsealed: 1,
        });
        expect(await sealTenantAuditChain(others.db, busy.tenantId)).toEqual({ sealed: 1, forged: 0 });
      });
    } finally {
      await others.close();
    }
    expect(await sealTenantAuditChain(app.db, busy.tenantId)).toEqual({ sealed: 1, forged: 0 });
    const sealed = await withTenant(app.db, busy.tenantId, ids);
    expect(sealed.sort((a, b) => Number(a.seq) - Number(b.seq))).toEqual([
      { objectId: 'committed', seq: before.entries + 1 },
      { objectId: 'open', seq: before.entries + 2 },
    ]);
    expect(await verifyTenant(busy.tenantId)).toEqual({ ...before, entries: before.entries + 2 });
  });

  it('chains every entry once when sealers run side by side with the changes', async () => {
    const tenantId = await emptyTenant('audit-sealers');
    const crowd = connect(inject('databaseUrl'), { max: 24 });
    try {
      await Promise.all(
        Array.from({ length: 48 }, (_, i) =>
          i % 4 === 0
            ? sealTenantAuditChain(crowd.db, tenantId)
            : withTenant(crowd.db, tenantId, async (tx) => {
                for (const step of [1, 2, 3]) await appendAudit(tx, testEntry(`${i}.${step}`));
              }),
        ),
      );
    } finally {
      await crowd.close();
    }
    expect(await verifyTenant(tenantId)).toEqual({ ok: true, entries: 36 * 3, unkeyed: 0, unsealed: 0 });
  });

  it('appends to the transaction’s own district even as the owner, whom row-level security does not narrow', async () => {
    const other = await newDistrict('audit-owner');
    const before = await verifyTenant(district.tenantId);
    await withTenant(owner.db, other.tenantId, (tx) => appendAudit(tx, testEntry('by the owner')));
    const [entry] = await owner.db.execute<{ tenant_id: string }>(
      sql`select tenant_id from audit_entry where object_id = 'by the owner'`,
    );
    expect(entry?.tenant_id).toBe(other.tenantId);
    expect(await verifyTenant(district.tenantId)).toEqual(before);
    expect(await verifyTenant(other.tenantId)).toMatchObject({ ok: true });
  });

  it('refuses to append outside a tenant transaction', async () => {
    await expect(
      app.db.transaction((tx) =>
        appendAudit(tx, {
          actorId: null,
          actorName: 'test',
          action: 'calendar.day_set',
          objectType: 'calendar',
          objectId: 'x',
        }),
      ),
    ).rejects.toThrow(/withTenant/);
  });

  it('detects an edited entry, and where', async () => {
    await owner.db.execute(
      sql`update audit_entry set actor_name = 'someone else' where tenant_id = ${district.tenantId} and seq = 3`,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'edited' });
  });

  it('detects a deleted entry', async () => {
    await owner.db.execute(sql`delete from audit_entry where tenant_id = ${district.tenantId} and seq = 2`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'missing' });
  });

  it('detects entries cut from the end of the chain', async () => {
    const other = await newDistrict('audit-tail');
    await owner.db.execute(
      sql`delete from audit_entry where tenant_id = ${other.tenantId} and seq = (select max(seq) from audit_entry where tenant_id = ${other.tenantId})`,
    );
    const report = await verifyTenant(other.tenantId);
    expect(report).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('is out of the application role’s reach to rewrite', async () => {
    const error = await withTenant(app.db, district.tenantId, (tx) =>
      tx.execute(sql`update audit_entry set actor_name = 'x' where seq = 1`),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/permission denied/);
  });

  it('names an entry the application role appends by SQL, well chained, without the key', async () => {
    const forged = await newDistrict('audit-forged');
    const seq = await withTenant(app.db, forged.tenantId, async (tx) => {
      const [head] = await tx.select().from(schema.auditHead);
      if (!head) throw new Error('no chain head');
      const entry = {
        tenantId: forged.tenantId,
        seq: head.seq + 1,
        at: new Date(),
        actorId: null,
        actorName: 'desk officer',
        action: 'case.closed',
        objectType: 'case',
        objectId: randomUUID(),
        before: null,
        after: null,
        requestId: null,
      };
      // All the app role has: the chain's rule and its head, no key. Inserting a sealed entry is
      // still allowed while the previous release (which writes its entries sealed) may be running.
      const hash = auditEntryHash(head.hash, entry, null);
      await tx.insert(schema.auditEntry).values({ ...entry, prevHash: head.hash, hash });
      await tx.update(schema.auditHead).set({ seq: entry.seq, hash });
      return entry.seq;
    });
    expect(await verifyTenant(forged.tenantId)).toMatchObject({ ok: false, brokenAt: seq, reason: 'edited' });
  });

  it('keeps one chain while a previous release’s server still appends its entries sealed, under the head’s lock', async () => {
    const upgrading = await newDistrict('audit-rolling-upgrade');
    const appendSealed = (objectId: string) =>
      withTenant(app.db, upgrading.tenantId, (tx) =>
        appendAuditSealed(tx, upgrading.tenantId, testEntry(objectId)),
      );
    const appendUnsealed = (objectId: string) =>
      withTenant(app.db, upgrading.tenantId, (tx) => appendAudit(tx, testEntry(objectId)));
    const before = await verifyTenant(upgrading.tenantId);
    await appendUnsealed('new-1');
    await appendSealed('old-1');
    await appendUnsealed('new-2');
    await Promise.all([
      appendSealed('old-2'),
      sealTenantAuditChain(app.db, upgrading.tenantId),
      appendUnsealed('new-3'),
    ]);
    expect(await verifyTenant(upgrading.tenantId)).toEqual({
      ok: true,
      entries: before.entries + 5,
      unkeyed: 0,
      unsealed: 0,
    });
  });

  it('never seals an entry the application role writes unsealed without the key, and names it', async () => {
    const forged = await newDistrict('audit-forged-unsealed');
    const entry = {
      tenantId: forged.tenantId,
      at: new Date(),
      ...testEntry('forged'),
      before: null,
      after: null,
      requestId: null,
      nonce: randomUUID(),
    };
    const [written] = await withTenant(app.db, forged.tenantId, (tx) =>
      tx
        .insert(schema.auditEntry)
        .values({ ...entry, mac: unsealedEntryMac(entry, createSecretKey(randomBytes(32))) })
        .returning({ id: schema.auditEntry.id }),
    );
    await withTenant(app.db, forged.tenantId, (tx) => appendAudit(tx, testEntry('genuine')));
    const before = await withTenant(app.db, forged.tenantId, verifyAuditChain);
    expect(await sealTenantAuditChain(app.db, forged.tenantId)).toEqual({ sealed: 1, forged: 1 });
    expect(await verifyTenant(forged.tenantId)).toMatchObject({
      ok: false,
      entries: before.entries + 1,
      unsealed: 1,
      brokenAt: written?.id,
      reason: 'forged',
    });
  });

  it('lets the application role seal an entry once, and change no sealed one', async () => {
    const sealed = await newDistrict('audit-sealed-once');
    const before = await verifyTenant(sealed.tenantId);
    // Row-level security shows it no sealed entry to update: nothing moves.
    const moved = await withTenant(app.db, sealed.tenantId, (tx) =>
      tx.execute(sql`update audit_entry set seq = seq + 1000 where seq is not null returning seq`),
    );
    expect(moved).toHaveLength(0);
    expect(await verifyTenant(sealed.tenantId)).toEqual(before);
  });

  it('detects the owner rewriting an old entry and re-hashing every later one without the key', async () => {
    const rewritten = await newDistrict('audit-rehashed');
    await rewriteAuditChain(owner.db, rewritten.tenantId, 3, null);
    expect(await verifyTenant(rewritten.tenantId)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'edited',
    });
  });

  it('detects the owner rewriting with the key, by the checkpoint anchored outside the database', async () => {
    const rewritten = await newDistrict('audit-rekeyed');
    const log = await checkpointLogIn();
    const anchored = await withTenant(app.db, rewritten.tenantId, (tx) =>
      checkpointAuditChain(tx, rewritten.tenantId, log),
    );
    expect(anchored).toMatchObject({ chain: { ok: true }, checkpoint: { seq: expect.any(Number) } });
    const checkpoints = (tx: Parameters<typeof verifyAuditCheckpoints>[0]) =>
      verifyAuditCheckpoints(tx, rewritten.tenantId, log);
    expect(await withTenant(app.db, rewritten.tenantId, checkpoints)).toEqual({ ok: true, checkpoints: 1 });

    await rewriteAuditChain(owner.db, rewritten.tenantId, 2, auditKeyOf(rewritten.tenantId));
    expect(await verifyTenant(rewritten.tenantId)).toMatchObject({ ok: true }); // the key was used
    expect(await withTenant(app.db, rewritten.tenantId, checkpoints)).toMatchObject({
      ok: false,
      reason: 'rewritten',
      seq: anchored.checkpoint?.seq,
    });
  });

  it('detects the owner declaring keyed entries unkeyed after a checkpoint', async () => {
    const moved = await newDistrict('audit-unkeyed-moved');
    const log = await checkpointLogIn();
    await withTenant(app.db, moved.tenantId, (tx) => checkpointAuditChain(tx, moved.tenantId, log));
    await withTenant(app.db, moved.tenantId, (tx) => appendAudit(tx, testEntry('after the checkpoint')));
    const { entries } = await verifyTenant(moved.tenantId);
    // Every entry after the checkpoint "unkeyed", and rewritten as anyone can.
    await owner.db.insert(schema.auditUnkeyedPrefix).values({ tenantId: moved.tenantId, lastSeq: entries });
    const { seq } = (
      await withTenant(app.db, moved.tenantId, (tx) => checkpointAuditChain(tx, moved.tenantId, log))
    ).checkpoint ?? { seq: 0 };
    expect(seq).toBe(0); // the chain no longer verifies: nothing anchored
    expect(
      await withTenant(app.db, moved.tenantId, (tx) => verifyAuditCheckpoints(tx, moved.tenantId, log)),
    ).toMatchObject({ ok: false, reason: 'rewritten', seq: 1 });
  });

  it('refuses a checkpoint the node did not sign', async () => {
    const other = await newDistrict('audit-unsigned');
    const dir = mkdtempSync(join(tmpdir(), 'linju-audit-checkpoints-'));
    const ours = createAuditCheckpointLog(dir, await nodeKeyIn());
    const theirs: AuditCheckpointLog = createAuditCheckpointLog(dir, await nodeKeyIn());
    await withTenant(app.db, other.tenantId, (tx) => checkpointAuditChain(tx, other.tenantId, theirs));
    expect(
      await withTenant(app.db, other.tenantId, (tx) => verifyAuditCheckpoints(tx, other.tenantId, ours)),
    ).toEqual({ ok: false, checkpoints: 0, reason: 'unsigned', line: 1 });
  });

  it('still verifies entries written before the chain was keyed, and says how many', async () => {
    const tenantId = await emptyTenant('audit-legacy');
    // As the migration that keyed the chain leaves a district with two entries written before it.
    await owner.db.insert(schema.auditUnkeyedPrefix).values({ tenantId, lastSeq: 2 });
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const entry = {
        tenantId,
        seq,
        at: new Date(),
        ...testEntry(String(seq)),
        before: null,
        after: null,
        requestId: null,
      };
      const hash = auditEntryHash(prevHash, entry, null);
      await owner.db.insert(schema.auditEntry).values({ ...entry, prevHash, hash });
      await owner.db
        .insert(schema.auditHead)
        .values({ tenantId, seq, hash })
        .onConflictDoUpdate({ target: schema.auditHead.tenantId, set: { seq, hash } });
      prevHash = hash;
    }
    await withTenant(app.db, tenantId, (tx) => appendAudit(tx, testEntry('keyed')));
    expect(await verifyTenant(tenantId)).toEqual({ ok: true, entries: 3, unkeyed: 2, unsealed: 0 });
  });

  it('keeps the unkeyed prefix out of the application role’s reach', async () => {
    const tenantId = await emptyTenant('audit-prefix');
    const error = await withTenant(app.db, tenantId, (tx) =>
      tx.insert(schema.auditUnkeyedPrefix).values({ tenantId, lastSeq: 1000 }),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/permission denied/);
  });
});
