import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { defineXService, hsdsId, setServiceEnabled, systemActor, updateOrganisation } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect, withTenant } from '@linju/db';
import { pluginIds } from '@linju/plugins';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hsdsResponse } from './hsds.ts';
import { asDocumented } from './openapi-conformance.ts';

const { db, close } = connect(inject('databaseUrl'));
const URL_ = 'http://linju.test/api/v1/catalogue/hsds';
const ask = async (slug: string | null) =>
  asDocumented('GET', URL_, await hsdsResponse(new Request(URL_), db, slug));
let district: TestDistrict;

beforeAll(async () => {
  district = await createTestDistrict(db, createSecretBox(randomBytes(32)), 'hsds');
  await withTenant(db, district.tenantId, async (tx) => {
    const actor = systemActor(district.tenantId);
    await updateOrganisation(tx, actor, district.organisations.stationA, {
      address: '上海市徐汇区漕溪北路88号',
      openingHours: '周一至周五 9:00-17:00',
      phone: '021-64870000',
    });
    for (const [organisationId, pluginId] of [
      [district.organisations.centreId, 'mediation'],
      [district.organisations.stationB, 'x-counselling'],
    ] as const)
      await setServiceEnabled(tx, actor, { organisationId, pluginId, enabled: true }, pluginIds);
    await defineXService(
      tx,
      actor,
      {
        organisationId: district.organisations.stationA,
        name: 'resettlement',
        title: { 'zh-CN': '安置帮教', en: 'Resettlement help' },
        description: { 'zh-CN': '刑满释放人员安置帮教', en: 'Help for people released from prison' },
        form: [{ key: 'topic', label: { 'zh-CN': '事由', en: 'Topic' }, type: 'text' }],
        deadlineWorkingDays: 5,
      },
      pluginIds,
    );
  });
});
afterAll(() => close());

type Hsds = {
  hsds_version: string;
  organizations: { id: string; name: string }[];
  services: { id: string; name: string; status: string }[];
  locations: {
    id: string;
    name: string;
    addresses: { address_1: string }[];
    schedules: { description: string }[];
    phones: { number: string }[];
  }[];
  service_at_locations: { service_id: string; location_id: string }[];
  taxonomy_terms: { code: string }[];
};

describe('the HSDS export of a district’s catalogue', () => {
  it('lists the services switched on, the service points, and where each service is offered', async () => {
    const response = await ask(district.slug);
    expect(response.status).toBe(200);
    const hsds = (await response.json()) as Hsds;
    expect(hsds.hsds_version).toBe('3.0');
    expect(hsds.organizations).toMatchObject([{ id: district.tenantId }]);
    const serviceIds = hsds.services.map((s) => s.id);
    // Ids are UUIDv5 of the district and the internal key: stable across exports.
    const counselling = hsdsId(district.tenantId, 'service', 'x-counselling/counselling-session');
    const resettlement = hsdsId(district.tenantId, 'service', 'x-resettlement');
    // The fixture switches mediation on at the centre; counselling only at station B.
    expect(serviceIds).toEqual(expect.arrayContaining([counselling, resettlement]));
    const types = hsds.taxonomy_terms.map((t) => t.code);
    expect(types).toContain('mediation');
    expect(types).not.toContain('notary');
    const at = (serviceId: string) =>
      hsds.service_at_locations
        .filter((s) => s.service_id === serviceId)
        .map((s) => s.location_id)
        .sort();
    expect(at(counselling)).toEqual([district.organisations.stationB]);
    expect(at(resettlement)).toEqual([district.organisations.roomA, district.organisations.stationA].sort());
    const station = hsds.locations.find((l) => l.id === district.organisations.stationA);
    expect(station).toMatchObject({
      name: '甲街道工作站',
      addresses: [
        { address_1: '上海市徐汇区漕溪北路88号', state_province: '上海市', city: '上海市', country: 'CN' },
      ],
      schedules: [{ description: '周一至周五 9:00-17:00' }],
      phones: [{ number: '021-64870000' }],
    });
    // Partner organisations (the court) are not service points.
    expect(hsds.locations.map((l) => l.id)).not.toContain(district.organisations.court);
  });

  it('answers 404 for an unknown district and 400 when none is named', async () => {
    expect((await ask('no-such-district')).status).toBe(404);
    expect((await ask(null)).status).toBe(400);
  });

  it('answers 400 naming the parameter for what no district slug can be, as the document states', async () => {
    const refused = await ask('Xuhui District');
    expect(refused.status).toBe(400);
    expect((await refused.json()).detail).toMatch(/^tenant: /);
  });
});
