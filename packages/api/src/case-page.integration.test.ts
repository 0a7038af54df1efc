import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { pluginRegistry } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/** `case.page`: what the admin's case page shows, in one call, each part as its own query has it. */
const h = apiHarness();
let district: TestDistrict;
let desk: AppCaller;
let lawyer: AppCaller;
let otherStation: AppCaller;
let caseId: string;
const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
/** A service of the registry with screens on the case, whichever plugin gives one. */
const service =
  pluginRegistry.adminRoutes().find((route) => route.placement.includes('case-service'))?.pluginId ?? '';

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'case-page');
  const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
  await admin.catalogue.setEnabled({
    organisationId: district.organisations.centreId,
    pluginId: service,
    enabled: true,
  });
  ({ api: desk } = await h.signIn(district.slug, 'desk', TEST_PASSWORD));
  ({ api: lawyer } = await h.signIn(district.slug, 'lawyer', TEST_PASSWORD));
  ({ api: otherStation } = await h.signIn(district.slug, 'desk-b', TEST_PASSWORD));
  ({ id: caseId } = await desk.case.create({
    channel: 'walk-in',
    organisationId: district.organisations.centreId,
    serviceType: service,
    description: '邻里噪音纠纷，申请调解',
    resident: { name: '王五', phone: '13900001111' },
  }));
  await desk.case.addNote({ caseId, text: '已电话联系当事人' });
});
afterAll(() => h.close());

describe('case.page', () => {
  it('gives what the separate queries give, for someone who manages the case', async () => {
    const page = await desk.case.page({ caseId });
    expect(page.case).toEqual(await desk.case.get({ caseId }));
    expect(page.chain).toEqual(await desk.case.getChain({ caseId }));
    expect(page.consents).toEqual(await desk.consent.getMany({ caseId }));
    expect(page.referrals).toEqual(await desk.referral.getMany({ caseId }));
    expect(page.assignees).toEqual(await desk.case.assignees({ caseId }));
    expect(page.screens.length).toBeGreaterThan(0);
    expect(page.screens).toEqual((await desk.catalogue.screens()).caseService[service]);
    const catalogue = await desk.catalogue.getMany({ organisationId: district.organisations.centreId });
    expect(page.services).toEqual(
      catalogue
        .filter((s) => s.enabled)
        .map(({ pluginId, name, categories }) => ({ pluginId, name, categories })),
    );
    const units = await desk.organisation.getMany();
    expect(page.organisations.map((o) => o.id).toSorted()).toEqual(units.map((o) => o.id).toSorted());
    expect(page.case.timeline.map((e) => e.text)).toContain('已电话联系当事人');
  });

  it('reads the case once for all its parts, and no links of a case linked to none', async () => {
    const statements: string[] = [];
    const client = (h.db as unknown as { $client: { options: { debug?: unknown } } }).$client;
    client.options.debug = (_connection: number, query: string) => statements.push(query);
    try {
      await desk.case.page({ caseId });
    } finally {
      client.options.debug = undefined;
    }
    expect(statements.filter((q) => /\bfrom "case"/.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /\bfrom "case_link"/.test(q))).toEqual([]);
  });

  it('leaves out what the person may not use instead of refusing the page', async () => {
    await expect(lawyer.case.assignees({ caseId })).rejects.toSatisfy((e) => codeOf(e) === 'FORBIDDEN');
    const page = await lawyer.case.page({ caseId });
    expect(page.case.id).toBe(caseId);
    expect(page.assignees).toBeNull();
  });

  it('names the units its timeline mentions, also those outside the reader’s units', async () => {
    const { id } = await desk.case.create({
      channel: 'walk-in',
      organisationId: district.organisations.centreId,
      serviceType: service,
      description: '邻里噪音纠纷，转街道调处',
      resident: { name: '赵六', phone: '13900002222' },
    });
    await desk.case.transfer({
      caseId: id,
      organisationId: district.organisations.stationA,
      reason: '属地调处',
    });
    const { api: stationDesk } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    const page = await stationDesk.case.page({ caseId: id });
    const transfer = page.case.timeline.find((e) => e.kind === 'transferred');
    expect(transfer?.data).toMatchObject({
      action: 'case.transferred',
      fromOrganisationId: district.organisations.centreId,
      toOrganisationId: district.organisations.stationA,
    });
    // The centre is not among the station's units to choose, but the timeline names it.
    expect(page.organisations.map((o) => o.id)).not.toContain(district.organisations.centreId);
    const centre = (await desk.organisation.getMany()).find((o) => o.id === district.organisations.centreId);
    expect(page.timelineOrganisations.toSorted((a, b) => a.nameZh.localeCompare(b.nameZh))).toEqual(
      [
        { id: district.organisations.centreId, nameZh: centre?.nameZh, nameEn: centre?.nameEn },
        { id: district.organisations.stationA, nameZh: '甲街道工作站', nameEn: 'Station A' },
      ].toSorted((a, b) => (a.nameZh ?? '').localeCompare(b.nameZh ?? '')),
    );
  });

  it('is refused like the case itself to someone who may not read the case', async () => {
    const refusal = await otherStation.case.get({ caseId }).catch(codeOf);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal);
    expect(await otherStation.case.page({ caseId }).catch(codeOf)).toBe(refusal);
  });
});
