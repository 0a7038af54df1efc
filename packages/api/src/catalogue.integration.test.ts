import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { pluginEntryPoints, pluginIds, pluginRegistry } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The catalogue over whatever plugins are installed: services are taken from the registry by what
 * they declare (a core and an X plugin, plugins with entry points, with screens), never by name.
 */
const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));
const enabledAt = async (caller: AppCaller, organisationId: string) =>
  (await caller.catalogue.getMany({ organisationId })).filter((s) => s.enabled).map((s) => s.pluginId);
const plugins = pluginRegistry.plugins;
const [core = '', otherCore = ''] = plugins.filter((p) => p.kind === 'core').map((p) => p.id);
const shippedX = plugins.find((p) => p.kind === 'x')?.id ?? '';
/** The registry's order of a set of plugin ids, as the catalogue lists them. */
const inOrder = (ids: readonly (string | undefined)[]) => pluginIds.filter((id) => ids.includes(id));

/** Switches off at the centre whatever is on there (the fixture's services), then `ids` on. */
async function onlyAtCentre(caller: AppCaller, d: TestDistrict, ids: readonly string[]) {
  for (const pluginId of await enabledAt(caller, d.organisations.centreId)) {
    await caller.catalogue.setEnabled({ organisationId: d.organisations.centreId, pluginId, enabled: false });
  }
  for (const pluginId of ids) {
    await caller.catalogue.setEnabled({ organisationId: d.organisations.centreId, pluginId, enabled: true });
  }
}

beforeAll(async () => {
  if (!core || !otherCore || !shippedX)
    throw new Error('the catalogue test needs two core plugins and an X plugin');
  district = await createTestDistrict(h.db, h.box, 'catalogue');
  ({ api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret));
  await onlyAtCentre(admin, district, [core]);
});
afterAll(() => h.close());

describe('the service catalogue (6+X) per organisation', () => {
  it('lists the installed core services and X plugins with their manifests’ names, and what is on', async () => {
    const services = await admin.catalogue.getMany({ organisationId: district.organisations.centreId });
    expect(services.map((s) => s.pluginId)).toEqual(pluginIds);
    expect(services.map((s) => [s.kind, s.name])).toEqual(plugins.map((p) => [p.kind, p.name]));
    expect(services.find((s) => s.pluginId === core)).toMatchObject({
      enabled: true,
      kind: 'core',
      decidedAt: district.organisations.centreId,
    });
  });

  it('offers an X plugin shipped as code once a station switches it on', async () => {
    expect(await enabledAt(admin, district.organisations.stationB)).not.toContain(shippedX);
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: shippedX,
      enabled: true,
    });
    expect(await enabledAt(admin, district.organisations.stationB)).toContain(shippedX);
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: shippedX,
      enabled: false,
    });
  });

  it('inherits down the tree: a room has what its centre switched on', async () => {
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual([core]);
  });

  it('lets a station switch a service on for itself only, and off again', async () => {
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationA,
      pluginId: otherCore,
      enabled: true,
    });
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual(inOrder([core, otherCore]));
    expect(await enabledAt(admin, district.organisations.stationB)).toEqual([core]);
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationA,
      pluginId: core,
      enabled: false,
    });
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual([otherCore]);
  });

  it('shows a community room its service items and the entry points they serve', async () => {
    // Services that declare entry points (the seven slogans), switched on at station B.
    const withEntryPoints = inOrder(pluginEntryPoints.map((e) => e.pluginId));
    expect(withEntryPoints.length).toBeGreaterThan(0);
    for (const pluginId of withEntryPoints) {
      await admin.catalogue.setEnabled({
        organisationId: district.organisations.stationB,
        pluginId,
        enabled: true,
      });
    }
    const on = await enabledAt(admin, district.organisations.stationB);
    const preview = await admin.catalogue.preview({ organisationId: district.organisations.stationB });
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.items.every((i) => on.includes(i.pluginId))).toBe(true);
    expect(preview.entryPoints.map((e) => e.zh)).toEqual(
      pluginEntryPoints.filter((e) => on.includes(e.pluginId)).map((e) => e.slogan['zh-CN']),
    );
  });

  it('refuses an unknown service, a partner organisation, and a desk officer', async () => {
    expect(
      await admin.catalogue
        .setEnabled({ organisationId: district.organisations.stationA, pluginId: 'x-nothing', enabled: true })
        .catch(codeOf),
    ).toBe('BAD_REQUEST catalogue.unknown_service');
    expect(
      await admin.catalogue
        .setEnabled({ organisationId: district.organisations.court, pluginId: core, enabled: true })
        .catch(codeOf),
    ).toBe('BAD_REQUEST catalogue.partner_has_no_catalogue');
    const { api: desk } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    expect(
      await desk.catalogue
        .setEnabled({ organisationId: district.organisations.stationA, pluginId: core, enabled: true })
        .catch(codeOf),
    ).toBe('FORBIDDEN auth.forbidden');
  });

  it('offers a street-defined X service in its station’s subtree only, with its form as data', async () => {
    await admin.xService.create({
      organisationId: district.organisations.stationA,
      name: 'wage-clinic',
      title: { 'zh-CN': '欠薪维权门诊', en: 'Unpaid-wages clinic' },
      description: { 'zh-CN': '每周三下午律师坐诊', en: 'A lawyer every Wednesday afternoon' },
      form: [
        { key: 'employer', label: { 'zh-CN': '用人单位', en: 'Employer' }, type: 'text', required: true },
        { key: 'monthsUnpaid', label: { 'zh-CN': '欠薪月数', en: 'Months unpaid' }, type: 'number' },
      ],
      deadlineWorkingDays: 3,
    });
    const atRoom = await admin.catalogue.getMany({ organisationId: district.organisations.roomA });
    expect(atRoom.find((s) => s.pluginId === 'x-wage-clinic')).toMatchObject({
      enabled: true,
      declarative: true,
      kind: 'x',
    });
    expect(
      (await admin.catalogue.getMany({ organisationId: district.organisations.stationB })).map(
        (s) => s.pluginId,
      ),
    ).not.toContain('x-wage-clinic');
    // A plugin's form is described the same way.
    const withForm = atRoom.filter((s) => !s.declarative && s.form.length > 0);
    expect(withForm.length).toBeGreaterThan(0);
    const preview = await admin.catalogue.preview({ organisationId: district.organisations.roomA });
    expect(preview.items.map((i) => i.id)).toContain('x-wage-clinic');
  });

  it('makes an X service’s id from its Chinese name, so nobody types one, and refuses that name twice', async () => {
    const define = () =>
      admin.xService.create({
        organisationId: district.organisations.stationA,
        title: { 'zh-CN': '老年人法律门诊', en: '老年人法律门诊' },
        description: { 'zh-CN': '每月第一个周五', en: '每月第一个周五' },
        form: [{ key: 'field1', label: { 'zh-CN': '诉求', en: '诉求' }, type: 'text' }],
        deadlineWorkingDays: 5,
      });
    const defined = await define();
    expect(defined.serviceId).toMatch(/^x-s[0-9a-f]{10}$/);
    const again = await define().catch((e: TRPCError) => e);
    expect(again).toBeInstanceOf(TRPCError);
    expect((again as TRPCError).message).toBe('x_service.name_taken');
    expect(((again as TRPCError).cause as { field?: string }).field).toBe('title.zh-CN');
  });

  it('validates an intake with the service’s own form, naming the field', async () => {
    const intake = (form: Record<string, unknown>) =>
      admin.case.create({
        channel: 'walk-in',
        organisationId: district.organisations.stationA,
        serviceType: 'x-wage-clinic',
        description: '工地拖欠工资三个月',
        resident: { name: '王师傅', phone: '13700001111' },
        form,
      });
    const bad = await intake({ monthsUnpaid: 'three' }).catch((e: TRPCError) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).message).toBe('validation.failed');
    const issues = ((bad as TRPCError).cause as unknown as { issues: { path: string[]; message: string }[] })
      .issues;
    expect(issues.map((i) => `${i.path.join('.')} ${i.message}`)).toEqual([
      'form.employer validation.required',
      'form.monthsUnpaid validation.invalid',
    ]);
    const created = await intake({ employer: '某建筑公司', monthsUnpaid: '3' });
    expect((await admin.case.get({ caseId: created.id })).form).toEqual({
      employer: '某建筑公司',
      monthsUnpaid: 3,
    });
  });

  it('refuses a name already used and a room as the defining unit', async () => {
    const base = {
      title: { 'zh-CN': '重复', en: 'Again' },
      description: { 'zh-CN': '重复', en: 'Again' },
      form: [{ key: 'topic', label: { 'zh-CN': '事由', en: 'Topic' }, type: 'text' as const }],
      deadlineWorkingDays: 5,
    };
    expect(
      await admin.xService
        .create({ ...base, organisationId: district.organisations.stationA, name: 'wage-clinic' })
        .catch(codeOf),
    ).toBe('CONFLICT x_service.name_taken');
    expect(
      await admin.xService
        .create({ ...base, organisationId: district.organisations.roomA, name: 'room-x' })
        .catch(codeOf),
    ).toBe('BAD_REQUEST x_service.unit_invalid');
  });
});

describe('the plugins’ admin screens (adminRoutes)', () => {
  it('lists a district page once its service is switched on somewhere, and every service’s case pages', async () => {
    const routes = pluginRegistry.adminRoutes();
    const screenOf = ({ pluginId, id, path, label, permission }: (typeof routes)[number]) => ({
      pluginId,
      id,
      path,
      label,
      permission,
    });
    const placed = (place: (typeof routes)[number]['placement'][number]) =>
      routes.filter((route) => route.placement.includes(place));
    // A district of its own, with nothing on.
    const d = await createTestDistrict(h.db, h.box, 'screens');
    const { api } = await h.signIn(d.slug, 'admin', TEST_PASSWORD, d.totpSecret);
    await onlyAtCentre(api, d, []);
    const before = await api.catalogue.screens();
    expect(before.navigation).toEqual([]);
    // A case page stays linked whatever is on: old cases of a service switched off stay workable.
    expect(placed('case-service').length).toBeGreaterThan(0);
    for (const pluginId of pluginIds) {
      const pages = placed('case-service').filter((route) => route.pluginId === pluginId);
      expect(before.caseService[pluginId], pluginId).toEqual(pages.length ? pages.map(screenOf) : undefined);
    }
    // A setting a plugin adds is linked from the settings page whatever is on.
    expect(before.settings).toEqual(placed('settings').map(screenOf));

    // A street station switches on a service with a district page: its page appears.
    const withPage = placed('navigation')[0];
    if (!withPage) throw new Error('no installed plugin has a district page');
    await api.catalogue.setEnabled({
      organisationId: d.organisations.stationA,
      pluginId: withPage.pluginId,
      enabled: true,
    });
    const after = await api.catalogue.screens();
    expect(after.navigation).toEqual(
      placed('navigation')
        .filter((route) => route.pluginId === withPage.pluginId)
        .map(screenOf),
    );
  });
});
