import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  A_PHONE,
  A_RESIDENT_PHONE,
  type Attempt,
  idsOf,
  seedWalkTarget,
  snapshotOf,
  type WalkTarget,
  walkAttempts,
} from './isolation-walk.ts';
import { appRouter } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The isolation walk: every procedure of the API, called by the most powerful user of district B
 * (its bureau administrator) against district A's objects. Nothing of A may be returned, and A
 * must be exactly as it was afterwards. A procedure added to the router without a case in
 * `walkAttempts` fails the first test.
 */
const h = apiHarness();
const owner = connect(inject('ownerDatabaseUrl'));
let a: TestDistrict;
let b: TestDistrict;
let target: WalkTarget;

beforeAll(async () => {
  a = await createTestDistrict(h.db, h.box, 'walk-a', { phone: A_PHONE });
  b = await createTestDistrict(h.db, h.box, 'walk-b');
  target = await seedWalkTarget(h.db, h.box, a);
  await h.signIn(a.slug, 'admin', TEST_PASSWORD, a.totpSecret); // A has a live session to keep
});
afterAll(async () => {
  await h.close();
  await owner.close();
});

describe('cross-tenant isolation walk', () => {
  it('covers every procedure of the API', () => {
    expect(Object.keys(walkAttempts).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it.each(Object.keys(walkAttempts))(
    '%s leaks nothing of another district and changes nothing there',
    async (path) => {
      const { api: adminB, sessionToken } = await h.signIn(b.slug, 'admin', TEST_PASSWORD, b.totpSecret);
      const before = await snapshotOf(owner, a.tenantId);
      const attempt = walkAttempts[path] as Attempt;
      const result = await attempt(
        {
          b: adminB,
          bWithHintA: h.caller({ sessionToken, tenantSlugHint: a.slug }),
          anonymous: h.caller(),
        },
        target,
      );
      const serialised = JSON.stringify(result ?? null);
      for (const id of idsOf(target)) expect(serialised).not.toContain(id);
      expect(serialised).not.toContain(a.slug);
      expect(serialised).not.toContain(A_PHONE);
      expect(serialised).not.toContain(A_RESIDENT_PHONE);
      expect(serialised).not.toContain('甲区');
      expect(await snapshotOf(owner, a.tenantId)).toEqual(before);
    },
  );

  it('really ran as B (the walk is not vacuous)', async () => {
    const { api } = await h.signIn(b.slug, 'admin', TEST_PASSWORD, b.totpSecret);
    const organisations = await api.organisation.getMany();
    expect(organisations.map((o) => o.id)).toContain(b.organisations.stationA);
    const [row] = await owner.db.select().from(schema.tenant).where(eq(schema.tenant.id, b.tenantId));
    expect((await api.tenant.getCurrent()).slug).toBe(row?.slug);
  });
});
