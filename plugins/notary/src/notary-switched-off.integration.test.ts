import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  codeOf,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  ({ district, admin } = await h.district('notary-off'));
});
afterAll(() => h.close());

const notaryIntake = () =>
  admin.case.create({
    channel: 'walk-in',
    resident: { name: '王秀英', phone: '13800138123' },
    serviceType: 'notary',
    category: 'kinship',
    description: '亲属关系公证',
    organisationId: district.organisations.stationA,
    form: { matterType: 'kinship', applicantName: '王秀英' },
  });

describe('switching the notary service off for a unit', () => {
  it('stops new cases there and keeps the old ones, with the plugin’s own data, readable', async () => {
    const setNotary = (enabled: boolean) =>
      admin.catalogue.setEnabled({
        organisationId: district.organisations.stationA,
        pluginId: 'notary',
        enabled,
      });
    await setNotary(true);
    const old = await notaryIntake();
    const start = new Date(Date.now() + 20 * 86_400_000);
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      capacity: 2,
    });
    await admin.notary.book({ caseId: old.id, slotId: slot.id });

    await setNotary(false);
    await expect(notaryIntake()).rejects.toSatisfy(
      (e) => codeOf(e) === 'BAD_REQUEST case.service_not_enabled',
    );
    const catalogue = await admin.catalogue.getMany({ organisationId: district.organisations.roomA });
    expect(catalogue.find((s) => s.pluginId === 'notary')?.enabled).toBe(false);

    expect((await admin.case.get({ caseId: old.id })).serviceType).toBe('notary');
    expect(await admin.notary.getBookings({ caseId: old.id })).toMatchObject([
      { slotId: slot.id, cancelledAt: null },
    ]);
  });
});
