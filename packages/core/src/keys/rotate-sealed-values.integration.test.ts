import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import {
  and,
  connect,
  eq,
  inArray,
  isNotNull,
  type SealedColumnEntry,
  schema,
  sealedColumns,
  sql,
  withTenant,
} from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { addCaseParty } from '../cases/case-parties.ts';
import { findCases } from '../cases/case-queries.ts';
import { intakeCase } from '../cases/case-service.ts';
import { findResidents, revealResidentField } from '../cases/resident-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { type RotationBatch, rotateSealedValues } from './rotate-sealed-values.ts';

/** Sealed by the box before per-tenant keys (one key for all tenants, no associated data), with this key. */
const OLD_KEY = Buffer.alloc(32, 7);
const OLD_FORMAT = {
  phone: '13800138000',
  sealed: 'v1.JpBEOdV7NSSEtVqj.erRctfSZ1dkeI2k.KJ0Xkvx1udHolNTdMbtyVw',
  index: 'vj_MxktUaUfm0UpNgzs_BEWNKtf6Uicj0zcTL4NtxUc',
};
const NEW_KEY = randomBytes(32);
const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

const app = connect(inject('databaseUrl'), { max: 4 });
// The owner sees every tenant's rows: only to check what is stored.
const owner = connect(inject('ownerDatabaseUrl'), { max: 2 });
const before = createSecretBox(OLD_KEY);
let a: TestDistrict;
let b: TestDistrict;
let oldFormatResident: string;

/** A case in the district with a resident (phone and ID number) and an adverse party with an ID number. */
async function caseWithParty(d: TestDistrict) {
  const desk = await actorOf(app.db, d.tenantId, d.people.deskA);
  return withTenant(app.db, d.tenantId, async (tx) => {
    const c = await intakeCase(tx, desk, before, {
      channel: 'walk-in',
      resident: { name: '王阿姨', phone: PHONE, idNumber: ID_NUMBER, keyGroups: [] },
      serviceType: TEST_SERVICE,
      category: 'neighbours',
      description: '楼上邻居装修噪音',
      organisationId: d.organisations.stationA,
    });
    await addCaseParty(tx, desk, before, {
      caseId: c.id,
      role: 'adverse',
      name: '李先生',
      idNumber: ID_NUMBER,
    });
    return c;
  });
}

const staleCount = (entry: SealedColumnEntry, prefix: string) =>
  owner.db
    .select({ n: sql<number>`count(*)::int` })
    .from(entry.source)
    .where(
      and(
        inArray(entry.tenantId as never, [a.tenantId, b.tenantId]),
        isNotNull(entry.value),
        sql`left(${entry.value}, ${prefix.length}) <> ${prefix}`,
      ),
    );

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestDistrict(app.db, before, 'rot-a'),
    createTestDistrict(app.db, before, 'rot-b'),
  ]);
  // Two cases of one resident (found again by ID number): one after the other.
  await caseWithParty(a);
  await Promise.all([caseWithParty(a), caseWithParty(b)]);
  // A resident stored by the previous release: its ciphertext and index as that code wrote them.
  const desk = await actorOf(app.db, a.tenantId, a.people.deskA);
  const c = await withTenant(app.db, a.tenantId, (tx) =>
    intakeCase(tx, desk, before, {
      channel: 'walk-in',
      resident: { name: '赵老伯', keyGroups: [] },
      serviceType: TEST_SERVICE,
      category: 'neighbours',
      description: '旧数据',
      organisationId: a.organisations.stationA,
    }),
  );
  oldFormatResident = c.residentId;
  await owner.db
    .update(schema.resident)
    .set({ phoneEncrypted: OLD_FORMAT.sealed, phoneIndex: OLD_FORMAT.index })
    .where(eq(schema.resident.id, oldFormatResident));
});
afterAll(async () => {
  await app.close();
  await owner.close();
});

describe('linju keys rotate', () => {
  const rotating = createSecretBox({ current: NEW_KEY, retired: [OLD_KEY] });
  const afterwards = createSecretBox(NEW_KEY);

  it('finds an old-format resident by phone before the rotation, with the new key current', async () => {
    const found = await withTenant(app.db, a.tenantId, (tx) =>
      findResidents(tx, rotating, a.tenantId, { phone: OLD_FORMAT.phone }),
    );
    expect(found.map((r) => r.id)).toContain(oldFormatResident);
  });

  const byTerm = async (d: TestDistrict, box: typeof rotating, term: string) => {
    const desk = await actorOf(app.db, d.tenantId, d.people.desk);
    const found = await withTenant(app.db, d.tenantId, (tx) => findCases(tx, desk, box, { term }));
    return found.cases.map((c) => c.residentId);
  };

  it("finds residents by the old key's search tokens while the new key is current", async () => {
    expect(await byTerm(a, rotating, PHONE.slice(-4))).toHaveLength(2);
    expect(await byTerm(a, rotating, '阿姨')).toHaveLength(2);
  });

  it('re-seals every sealed column of the districts in batches, each audited, and a second run finds nothing', async () => {
    const batches: RotationBatch[] = [];
    const { resealed } = await rotateSealedValues(owner.db, rotating, {
      batchSize: 2,
      tenantIds: [a.tenantId, b.tenantId],
      onBatch: (batch) => batches.push(batch),
    });
    expect(resealed).toBeGreaterThan(10);
    expect(batches.every((x) => x.resealed <= 2)).toBe(true);
    expect(new Set(batches.map((x) => x.tenant))).toEqual(new Set([a.slug, b.slug]));
    expect(new Set(batches.map((x) => `${x.table}.${x.column}`))).toEqual(
      new Set([
        'resident.phone_encrypted',
        'resident.id_number_encrypted',
        'case_party.id_number_encrypted',
        'staff_member.phone_encrypted',
        'staff_member.totp_key_encrypted',
        'resident.search_tokens',
        // The intakes' receipt texts: their number and their parameters are sealed too.
        'outbound_message.recipient_sealed',
        'outbound_message.params_sealed',
      ]),
    );
    for (const entry of Object.values(sealedColumns).filter((e) => e.tenantId !== null)) {
      expect([entry.table, entry.column, await staleCount(entry, afterwards.currentPrefix)]).toEqual([
        entry.table,
        entry.column,
        [{ n: 0 }],
      ]);
    }
    const audited = await withTenant(app.db, a.tenantId, async (tx) => ({
      rotations: await tx
        .select()
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.action, 'keys.rotated')),
      chain: await verifyAuditChain(tx),
    }));
    expect(audited.rotations.length).toBe(batches.filter((x) => x.tenant === a.slug).length);
    expect(audited.chain.ok).toBe(true);
    expect(await rotateSealedValues(owner.db, rotating, { tenantIds: [a.tenantId, b.tenantId] })).toEqual({
      resealed: 0,
    });
  });

  it('then opens and finds everything without the old key', async () => {
    const desk = await actorOf(app.db, a.tenantId, a.people.deskA);
    const revealed = await withTenant(app.db, a.tenantId, async (tx) => {
      const [resident] = await tx
        .select()
        .from(schema.resident)
        .where(eq(schema.resident.id, oldFormatResident));
      if (!resident) throw new Error('resident gone');
      return revealResidentField(tx, desk, afterwards, resident, 'phone');
    });
    expect(revealed.value).toBe(OLD_FORMAT.phone);
    const found = await withTenant(app.db, a.tenantId, (tx) =>
      findResidents(tx, afterwards, a.tenantId, { idNumber: ID_NUMBER }),
    );
    expect(found).toHaveLength(1);
    const [admin] = await withTenant(app.db, a.tenantId, (tx) =>
      tx.select().from(schema.staffMember).where(eq(schema.staffMember.username, 'admin')),
    );
    expect(afterwards.decrypt(admin?.totpKeyEncrypted ?? '', a.tenantId, sealedColumns.staffTotpKey)).toBe(
      a.totpSecret,
    );
  });

  it("finds residents by the new key's tokens afterwards, the old-format phone's ending too", async () => {
    expect(await byTerm(b, afterwards, PHONE.slice(-5))).toHaveLength(1);
    expect(await byTerm(a, afterwards, '老伯')).toEqual([oldFormatResident]);
    expect(await byTerm(a, afterwards, OLD_FORMAT.phone.slice(-6))).toEqual([oldFormatResident]);
    expect(await byTerm(a, createSecretBox(OLD_KEY), '老伯')).toEqual([]);
  });

  it("keeps the conflict check's keys equal to the residents' indexes, and each district's index its own", async () => {
    const stored = (d: TestDistrict) =>
      withTenant(app.db, d.tenantId, async (tx) => ({
        residents: await tx
          .select({ phone: schema.resident.phoneIndex, idNumber: schema.resident.idNumberIndex })
          .from(schema.resident)
          .where(isNotNull(schema.resident.idNumberIndex)),
        parties: await tx.select({ key: schema.caseParty.identityKey }).from(schema.caseParty),
      }));
    const [inA, inB] = [await stored(a), await stored(b)];
    expect(inA.residents[0]?.idNumber).toBe(afterwards.blindIndex(ID_NUMBER, a.tenantId));
    expect(inA.parties.map((p) => p.key)).toEqual([inA.residents[0]?.idNumber, inA.residents[0]?.idNumber]);
    expect(inB.residents[0]?.phone).toBe(afterwards.blindIndex(PHONE, b.tenantId));
    expect(inB.residents[0]?.phone).not.toBe(inA.residents[0]?.phone);
  });
});
