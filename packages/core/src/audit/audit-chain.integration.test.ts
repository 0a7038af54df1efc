import { randomBytes, randomUUID } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, schema, sql, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { appendAudit } from './append-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
const verify = () => withTenant(app.db, district.tenantId, verifyAuditChain);

beforeAll(async () => {
  district = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'audit');
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
    const district2 = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'audit-race');
    const before = await withTenant(app.db, district2.tenantId, verifyAuditChain);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withTenant(app.db, district2.tenantId, (tx) =>
          appendAudit(tx, {
            actorId: null,
            actorName: 'test',
            action: 'test.concurrent',
            objectType: 'test',
            objectId: String(i),
          }),
        ),
      ),
    );
    const report = await withTenant(app.db, district2.tenantId, verifyAuditChain);
    expect(report).toMatchObject({ ok: true, entries: before.entries + 12 });
  });

  it('never forks when a new district’s first entries commit at the same moment', async () => {
    // No entry yet, so no chain head to lock: the first appends queue on the tenant instead.
    const tenantId = randomUUID();
    await owner.db.insert(schema.tenant).values({
      id: tenantId,
      slug: `audit-first-${tenantId.slice(0, 8)}`,
      nameZh: '新区',
      nameEn: 'New district',
      divisionCode: '310199',
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withTenant(app.db, tenantId, (tx) =>
          appendAudit(tx, {
            actorId: null,
            actorName: 'test',
            action: 'test.first',
            objectType: 'test',
            objectId: String(i),
          }),
        ),
      ),
    );
    expect(await withTenant(app.db, tenantId, verifyAuditChain)).toMatchObject({ ok: true, entries: 8 });
  });

  it('refuses to append outside a tenant transaction', async () => {
    await expect(
      app.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, actorName: 'test', action: 'x', objectType: 'x', objectId: 'x' }),
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
    const other = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'audit-tail');
    await owner.db.execute(
      sql`delete from audit_entry where tenant_id = ${other.tenantId} and seq = (select max(seq) from audit_entry where tenant_id = ${other.tenantId})`,
    );
    const report = await withTenant(app.db, other.tenantId, verifyAuditChain);
    expect(report).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('is out of the application role’s reach to rewrite', async () => {
    const error = await withTenant(app.db, district.tenantId, (tx) =>
      tx.execute(sql`update audit_entry set actor_name = 'x' where seq = 1`),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/permission denied/);
  });
});
