import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { intakeCase } from '../cases/case-service.ts';
import { getResident, revealResidentField } from '../cases/resident-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';

/**
 * Someone who can write the database (a restored backup, a careless script, an attacker) copies a
 * sealed value into another row. One data key opens it for whoever reads that row; sealed values
 * are bound to their tenant, table and column, so the copy opens nowhere else.
 */
const app = connect(inject('databaseUrl'), { max: 3 });
const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
const box = createSecretBox(randomBytes(32));
let a: TestDistrict;
let b: TestDistrict;

async function residentWith(d: TestDistrict, phone: string, idNumber: string) {
  const desk = await actorOf(app.db, d.tenantId, d.people.deskA);
  const c = await withTenant(app.db, d.tenantId, (tx) =>
    intakeCase(tx, desk, box, {
      channel: 'walk-in',
      resident: { name: '孙阿姨', phone, idNumber, keyGroups: [] },
      serviceType: TEST_SERVICE,
      category: 'neighbours',
      description: '噪音',
      organisationId: d.organisations.stationA,
    }),
  );
  return { desk, residentId: c.residentId };
}

const reveal = (
  d: TestDistrict,
  who: Awaited<ReturnType<typeof residentWith>>,
  field: 'phone' | 'idNumber',
) =>
  withTenant(app.db, d.tenantId, async (tx) =>
    revealResidentField(tx, who.desk, box, await getResident(tx, who.residentId), field),
  );

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestDistrict(app.db, box, 'bind-a'),
    createTestDistrict(app.db, box, 'bind-b'),
  ]);
});
afterAll(async () => {
  await app.close();
  await owner.close();
});

it("does not open district A's sealed phone copied into district B's resident, nor into another column", async () => {
  const inA = await residentWith(a, '13611112222', '11010519491231002X');
  const inB = await residentWith(b, '13733334444', '110101199003074514');
  const [stolen] = await owner.db
    .select({ phone: schema.resident.phoneEncrypted })
    .from(schema.resident)
    .where(eq(schema.resident.id, inA.residentId));
  await owner.db
    .update(schema.resident)
    .set({ phoneEncrypted: stolen?.phone ?? null })
    .where(eq(schema.resident.id, inB.residentId));
  await expect(reveal(b, inB, 'phone')).rejects.toThrow();

  // Within A: the phone's ciphertext put where the ID number goes does not open as an ID number.
  await owner.db
    .update(schema.resident)
    .set({ idNumberEncrypted: stolen?.phone ?? null })
    .where(eq(schema.resident.id, inA.residentId));
  await expect(reveal(a, inA, 'idNumber')).rejects.toThrow();
  expect((await reveal(a, inA, 'phone')).value).toBe('13611112222');
});

it('gives the same phone different blind indexes in two districts', async () => {
  const phone = '13855556666';
  const [inA, inB] = [
    await residentWith(a, phone, '110105194912310038'),
    await residentWith(b, phone, '110105198001010024'),
  ];
  const index = async (d: TestDistrict, residentId: string) =>
    (await withTenant(app.db, d.tenantId, (tx) => getResident(tx, residentId))).phoneIndex;
  expect(await index(a, inA.residentId)).not.toBe(await index(b, inB.residentId));
});
