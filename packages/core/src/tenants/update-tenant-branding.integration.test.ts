import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, desc, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import type { Actor } from '../actor.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { type TenantBrandingRequest, updateTenantBranding } from './update-tenant-branding.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
const box = createSecretBox(randomBytes(32));
let a: TestDistrict;
let b: TestDistrict;
let adminA: Actor;
let adminB: Actor;
let deskA: Actor;

const adminOf = async (d: TestDistrict) => {
  const [row] = await withTenant(app.db, d.tenantId, (tx) =>
    tx
      .select({ id: schema.staffMember.id })
      .from(schema.staffMember)
      .where(eq(schema.staffMember.username, 'admin')),
  );
  return actorOf(app.db, d.tenantId, row?.id as string, 'admin');
};
const inTenant = <T>(d: TestDistrict, fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const tenantRow = async (d: TestDistrict) =>
  (await owner.db.select().from(schema.tenant).where(eq(schema.tenant.id, d.tenantId)))[0];
const fieldsOf = (error: unknown) =>
  error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [String(error)];

const branding: TenantBrandingRequest = {
  nameZh: '测试区司法局（新）',
  nameEn: 'Test District Justice Bureau',
  colour: '#1F6F8B',
};

beforeAll(async () => {
  a = await createTestDistrict(app.db, box, 'brand-a');
  b = await createTestDistrict(app.db, box, 'brand-b');
  adminA = await adminOf(a);
  adminB = await adminOf(b);
  deskA = await actorOf(app.db, a.tenantId, a.people.desk);
});
afterAll(async () => {
  await app.close();
  await owner.close();
});

describe('a district changing its name and colour', () => {
  it('saves both names and the colour, keeping the logo, with an audit entry in the same transaction', async () => {
    await owner.db
      .update(schema.tenant)
      .set({ branding: { colour: '#b4232a', logoUrl: 'https://example.org/logo.png' } })
      .where(eq(schema.tenant.id, a.tenantId));
    const saved = await inTenant(a, (tx) => updateTenantBranding(tx, adminA, branding));
    expect(saved).toEqual({
      nameZh: '测试区司法局（新）',
      nameEn: 'Test District Justice Bureau',
      branding: { colour: '#1f6f8b', logoUrl: 'https://example.org/logo.png' },
    });
    expect(await tenantRow(a)).toMatchObject(saved);
    const [entry] = await inTenant(a, (tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.action, 'tenant.branding_updated'))
        .orderBy(desc(schema.auditEntry.id))
        .limit(1),
    );
    expect(entry).toMatchObject({
      actorId: adminA.id,
      objectType: 'tenant',
      objectId: a.tenantId,
      before: { nameZh: '测试区司法局 brand-a', branding: { colour: '#b4232a' } },
      after: { nameEn: 'Test District Justice Bureau', branding: { colour: '#1f6f8b' } },
    });
  });

  it.each([
    ['colour', { colour: 'red' }, 'colour: tenant.colour_invalid'],
    ['short colour', { colour: '#abc' }, 'colour: tenant.colour_invalid'],
    ['empty Chinese name', { nameZh: '   ' }, 'nameZh: validation.required'],
    ['over-long English name', { nameEn: 'x'.repeat(61) }, 'nameEn: tenant.name_too_long'],
  ])('refuses a bad %s with an error naming the field, and changes nothing', async (_, over, expected) => {
    const before = await tenantRow(a);
    const error = await inTenant(a, (tx) => updateTenantBranding(tx, adminA, { ...branding, ...over })).catch(
      (e) => e,
    );
    expect(fieldsOf(error)).toContain(expected);
    expect(await tenantRow(a)).toEqual(before);
  });

  it('is for the district’s administrators only', async () => {
    const error = await inTenant(a, (tx) => updateTenantBranding(tx, deskA, branding)).catch((e) => e);
    expect(error).toMatchObject({ kind: 'forbidden', message: 'auth.forbidden' });
  });

  it('changes only the district of the transaction: B’s administrator cannot reach A', async () => {
    const beforeA = await tenantRow(a);
    // B's administrator acting inside A's transaction: the row is not B's to find there.
    const crossed = await inTenant(a, (tx) =>
      updateTenantBranding(tx, adminB, { ...branding, nameZh: 'B 改了 A' }),
    ).catch((e) => e);
    expect(crossed).toMatchObject({ kind: 'not-found', message: 'tenant.not_found' });
    // In B's own transaction only B changes, and the audit entry lands in B's log, not A's.
    await inTenant(b, (tx) => updateTenantBranding(tx, adminB, { ...branding, nameZh: '乙区司法局' }));
    expect(await tenantRow(a)).toEqual(beforeA);
    expect((await tenantRow(b))?.nameZh).toBe('乙区司法局');
    const auditOfA = await owner.db
      .select({ objectId: schema.auditEntry.objectId })
      .from(schema.auditEntry)
      .where(
        and(
          eq(schema.auditEntry.tenantId, a.tenantId),
          eq(schema.auditEntry.action, 'tenant.branding_updated'),
        ),
      );
    expect(auditOfA).toEqual([{ objectId: a.tenantId }]);
  });
});
