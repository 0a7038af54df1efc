import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { type Actor, compareRollups, intakeCase } from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { and, connect, eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startRollupFolder } from './rollup-folder.ts';

/**
 * An intake's roll-up changes are folded in as soon as it commits, not at the next sweep: no
 * reconciler runs here, so only the folder can fold them.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let desk: Actor;
let folder: Awaited<ReturnType<typeof startRollupFolder>>;
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(app.db, d.tenantId, fn);
const pendingRows = () => inTenant(async (tx) => (await tx.select().from(schema.caseRollupPending)).length);

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'rollup-fold');
  desk = await actorOf(app.db, d.tenantId, d.people.deskA);
  folder = await startRollupFolder(app.db, {
    url: inject('databaseUrl'),
    log: { info: () => {}, warn: () => {} },
  });
});
afterAll(async () => {
  await folder?.close();
  await app.close();
});

describe('the roll-up folder', () => {
  it('folds the roll-up changes of intakes as they commit, and the figures stay exact', async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        inTenant((tx) =>
          intakeCase(tx, desk, box, {
            channel: 'walk-in',
            resident: { name: `居民${i}`, phone: `1350000710${i}` },
            serviceType: TEST_SERVICE,
            description: '邻居装修噪音',
            organisationId: d.organisations.stationA,
          }),
        ),
      ),
    );
    await expect.poll(pendingRows, { timeout: 15_000 }).toBe(0);
    // Folded, not lost: the district's received count is in the roll-ups, and a recount agrees.
    const folded = await inTenant((tx) =>
      tx
        .select({ received: schema.caseRollup.received })
        .from(schema.caseRollup)
        .where(
          and(
            eq(schema.caseRollup.organisationId, schema.DISTRICT_WIDE),
            eq(schema.caseRollup.serviceType, schema.ALL_SERVICES),
            eq(schema.caseRollup.dimension, 'all'),
          ),
        ),
    );
    expect(folded.reduce((n, r) => n + r.received, 0)).toBe(5);
    expect(await inTenant(compareRollups)).toEqual([]);
  });
});
