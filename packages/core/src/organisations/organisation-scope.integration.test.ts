import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { grantsOf, roleGrantsOf } from '../staff/staff-service.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { closeOrganisation, createOrganisation, listOrganisations } from './organisation-service.ts';

const app = connect(inject('databaseUrl'));
let district: TestDistrict;
const actorOf = (staffId: string) =>
  withTenant(
    app.db,
    district.tenantId,
    async (tx): Promise<Actor> => ({
      id: staffId,
      name: staffId,
      tenantId: district.tenantId,
      grants: grantsOf(await roleGrantsOf(tx, staffId)),
    }),
  );
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(app.db, district.tenantId, fn);

beforeAll(async () => {
  district = await createTestDistrict(app.db, createSecretBox(randomBytes(32)), 'scope');
});
afterAll(() => app.close());

describe('organisations follow the tree', () => {
  it('shows a station’s staff their own subtree and the partners, not the other station', async () => {
    const deskA = await actorOf(district.people.deskA);
    const ids = (await inTenant((tx) => listOrganisations(tx, deskA))).map((o) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        district.organisations.stationA,
        district.organisations.roomA,
        district.organisations.court,
      ]),
    );
    expect(ids).not.toContain(district.organisations.stationB);
    expect(ids).not.toContain(district.organisations.centreId);
  });

  it('lets a station head add a room under their station but not under another', async () => {
    const headA = await actorOf(district.people.headA);
    const room = await inTenant((tx) =>
      createOrganisation(tx, headA, {
        kind: 'room',
        parentId: district.organisations.stationA,
        nameZh: '新居民区工作室',
        nameEn: 'New room',
      }),
    );
    expect(room.path).toContain(district.organisations.stationA);
    const refused = await inTenant((tx) =>
      createOrganisation(tx, headA, {
        kind: 'room',
        parentId: district.organisations.stationB,
        nameZh: '越级',
        nameEn: 'x',
      }),
    ).catch((e) => e);
    expect(refused).toMatchObject({ kind: 'forbidden', message: 'auth.forbidden' });
  });

  it('refuses a room directly under the centre, naming the parent', async () => {
    const headA = await actorOf(district.people.headA);
    const error = await inTenant((tx) =>
      createOrganisation(tx, headA, {
        kind: 'room',
        parentId: district.organisations.centreId,
        nameZh: '错层',
        nameEn: 'x',
      }),
    ).catch((e) => e);
    expect(error).toMatchObject({ message: 'organisation.parent_kind_invalid', field: 'parentId' });
  });

  it('keeps a closed unit and its history', async () => {
    const headA = await actorOf(district.people.headA);
    const closed = await inTenant((tx) => closeOrganisation(tx, headA, district.organisations.roomA));
    expect(closed?.closedAt).toBeInstanceOf(Date);
    const still = await inTenant((tx) => listOrganisations(tx, headA));
    expect(still.map((o) => o.id)).toContain(district.organisations.roomA);
  });

  it('refuses malformed coordinates, naming them', async () => {
    const headA = await actorOf(district.people.headA);
    const error = await inTenant((tx) =>
      createOrganisation(tx, headA, {
        kind: 'room',
        parentId: district.organisations.stationA,
        nameZh: '坐标',
        nameEn: 'x',
        latitude: 123,
      }),
    ).catch((e) => e);
    expect(JSON.stringify(error.issues)).toContain('latitude');
  });
});
