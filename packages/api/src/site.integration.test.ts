import {
  addDutySlot,
  createAnnouncement,
  createCommunity,
  setServiceEnabled,
  setThemedDay,
  systemActor,
  updateOrganisation,
} from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { withTenant } from '@linju/db';
import { pluginIds, pluginRegistry } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from './procedures/site/district-week.ts';
import { apiHarness } from './test-context.ts';

/**
 * The residents' "find help" (issue #18): what a district's public site reads — the entry points
 * and services switched on, a service's page, the service points near a community, a point's
 * notice board and the week's rota — of the district its address names, and nothing of another.
 */
const h = apiHarness();
// Real services, from the registry (the platform's code names no plugin): the one whose catalogue
// has the legal consultation, switched on here, and another the district never switches on.
const SERVICE =
  pluginRegistry.plugins.find((p) => p.catalogue.some((item) => item.id === 'legal-consultation'))?.id ?? '';
const NOT_OFFERED = pluginIds.find((id) => id !== SERVICE) ?? '';
let a: TestDistrict;
let b: TestDistrict;
let community: string;
const today = dayIn('Asia/Shanghai', new Date());
const weekdayToday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

const site = (slug: string | null) => h.caller({ tenantSlugHint: slug }).site;
const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? `${error.code} ${error.message}` : String(error);
  }
};

beforeAll(async () => {
  a = await createTestDistrict(h.db, h.box, 'site-a');
  b = await createTestDistrict(h.db, h.box, 'site-b');
  community = await withTenant(h.db, a.tenantId, async (tx) => {
    const actor = systemActor(a.tenantId, 'test');
    const { centreId, stationA, stationB, roomA } = a.organisations;
    await setServiceEnabled(
      tx,
      actor,
      { organisationId: centreId, pluginId: SERVICE, enabled: true },
      pluginIds,
    );
    // Station B switches consultation off for itself: the service page does not send anyone there.
    await setServiceEnabled(
      tx,
      actor,
      { organisationId: stationB, pluginId: SERVICE, enabled: false },
      pluginIds,
    );
    await updateOrganisation(tx, actor, roomA, {
      address: '甲路 1 号',
      openingHours: '周二、周四 14:00–16:00',
      phone: '021-64000001',
      latitude: 31.1921,
      longitude: 121.4337,
    });
    await updateOrganisation(tx, actor, stationA, {
      address: '甲路 100 号',
      latitude: 31.2061,
      longitude: 121.4456,
    });
    const { id } = await createCommunity(tx, actor, {
      nameZh: '甲居民区',
      nameEn: 'Community A',
      settlement: 'town',
      latitude: 31.1925,
      longitude: 121.434,
    });
    await addDutySlot(tx, actor, {
      organisationId: roomA,
      weekday: weekdayToday,
      startsAt: '14:00',
      endsAt: '16:00',
      serviceType: SERVICE,
      personName: '值班律师甲',
    });
    await setThemedDay(tx, actor, { organisationId: roomA, day: today, theme: '婚姻家事咨询日' });
    await createAnnouncement(tx, actor, {
      organisationId: centreId,
      title: '已发布的公告',
      body: '正文',
      publish: true,
    });
    await createAnnouncement(tx, actor, {
      organisationId: centreId,
      title: '草稿公告',
      body: '正文',
      publish: false,
    });
    return id;
  });
});
afterAll(() => h.close());

describe("a district's public site: finding help", () => {
  it('opens on the entry points and services switched on, published announcements and the themed days', async () => {
    const home = await site(a.slug).home();
    expect(home.services.map((s) => s.id)).toEqual([SERVICE]);
    expect(home.entryPoints.length).toBeGreaterThan(0);
    expect(home.entryPoints.every((e) => e.pluginId === SERVICE)).toBe(true);
    expect(home.announcements.map((x) => x.title)).toEqual(['已发布的公告']);
    expect(home.themedDays.map((d) => [d.theme, d.organisationId])).toEqual([
      ['婚姻家事咨询日', a.organisations.roomA],
    ]);
  });

  it("gives a service's page: what it is, its time limit, and only the points where it is on", async () => {
    const { service, points } = await site(a.slug).service({ serviceId: SERVICE });
    expect(service.name['zh-CN']).toBe('律师咨询');
    expect(service.workingDays).toBe(5);
    expect(service.items.map((item) => item.id)).toContain('legal-consultation');
    const ids = points.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([a.organisations.centreId, a.organisations.stationA, a.organisations.roomA]),
    );
    expect(ids).not.toContain(a.organisations.stationB);
    expect(ids).not.toContain(a.organisations.court);
  });

  it('does not find a service the district has not switched on, nor one that does not exist', async () => {
    expect(await codeOf(site(a.slug).service({ serviceId: NOT_OFFERED }))).toBe(
      'NOT_FOUND publicSite.service_not_found',
    );
    expect(await codeOf(site(a.slug).service({ serviceId: 'no-such-service' }))).toBe(
      'NOT_FOUND publicSite.service_not_found',
    );
  });

  it('sorts the points by the walk from a chosen community, the nearest within the 15-minute circle', async () => {
    const all = await site(a.slug).points({});
    expect(all.communities).toEqual([{ id: community, nameZh: '甲居民区', nameEn: 'Community A' }]);
    expect(all.points.every((p) => p.walkingMetres === null)).toBe(true);
    expect(all.points.map((p) => p.id)).not.toContain(a.organisations.court);

    const near = await site(a.slug).points({ near: { communityId: community } });
    expect(near.circleMetres).toBe(1200);
    expect(near.points[0]).toMatchObject({
      id: a.organisations.roomA,
      address: '甲路 1 号',
      withinCircle: true,
    });
    expect(near.points[1]).toMatchObject({ id: a.organisations.stationA, withinCircle: false });
    expect(near.points[0]?.walkingMetres).toBeLessThan(near.points[1]?.walkingMetres ?? 0);
    // Points without coordinates come last, with no distance.
    expect(near.points.at(-1)?.walkingMetres).toBeNull();
    // No coordinates are sent back: the page needs none.
    expect(JSON.stringify(near)).not.toContain('121.43');
  });

  it('sorts the points by a location as well, a town circle around it', async () => {
    const near = await site(a.slug).points({ near: { latitude: 31.2061, longitude: 121.4456 } });
    expect(near.points[0]).toMatchObject({
      id: a.organisations.stationA,
      walkingMetres: 0,
      withinCircle: true,
    });
    expect(near.communityId).toBeNull();
  });

  it("shows a point's notice board: its adviser today, this week's rota and the month's themed day", async () => {
    const board = await site(a.slug).point({ organisationId: a.organisations.roomA });
    expect(board.point).toMatchObject({
      address: '甲路 1 号',
      openingHours: '周二、周四 14:00–16:00',
      phone: '021-64000001',
    });
    expect(board.adviser).toEqual({ lawyerName: '顾问律师', lawFirm: '测试律师事务所' });
    expect(board.services.map((s) => s.id)).toEqual([SERVICE]);
    expect(board.week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const day = board.week.find((d) => d.date === today);
    expect(day?.slots.map((s) => [s.personName, s.startsAt, s.serviceType])).toEqual([
      ['值班律师甲', '14:00', SERVICE],
    ]);
    expect(board.themedDay?.theme).toBe('婚姻家事咨询日');
    expect(JSON.stringify(board)).not.toContain('lawyerStaffMemberId');
  });

  it("gives the week's rota of every point or of one", async () => {
    const all = await site(a.slug).rota({});
    expect(all.week.flatMap((d) => d.slots).map((s) => s.organisationId)).toEqual([a.organisations.roomA]);
    expect(all.organisationId).toBeNull();
    const one = await site(a.slug).rota({ organisationId: a.organisations.stationA });
    expect(one.organisationId).toBe(a.organisations.stationA);
    expect(one.week.flatMap((d) => d.slots)).toEqual([]);
  });

  it("never shows another district's data: B's site knows nothing of A's points, services or notices", async () => {
    expect(await codeOf(site(b.slug).point({ organisationId: a.organisations.roomA }))).toBe(
      'NOT_FOUND publicSite.point_not_found',
    );
    const home = await site(b.slug).home();
    expect(home.announcements).toEqual([]);
    expect(home.themedDays).toEqual([]);
    expect(home.services).toEqual([]);
    const points = await site(b.slug).points({ near: { communityId: community } });
    expect(points.communityId).toBeNull();
    expect(JSON.stringify(points)).not.toContain(a.organisations.roomA);
    const rota = await site(b.slug).rota({ organisationId: a.organisations.roomA });
    expect(rota.week.flatMap((d) => d.slots)).toEqual([]);
    expect(await codeOf(site(b.slug).service({ serviceId: SERVICE }))).toBe(
      'NOT_FOUND publicSite.service_not_found',
    );
  });

  it('does not find a partner as a service point, nor an unknown district', async () => {
    expect(await codeOf(site(a.slug).point({ organisationId: a.organisations.court }))).toBe(
      'NOT_FOUND publicSite.point_not_found',
    );
    expect(await codeOf(site('no-such-district').home())).toBe('NOT_FOUND tenant.not_found');
    expect(await codeOf(site(null).points({}))).toBe('NOT_FOUND tenant.not_found');
  });
});
