import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));
const enabledAt = async (caller: AppCaller, organisationId: string) =>
  (await caller.catalogue.getMany({ organisationId })).filter((s) => s.enabled).map((s) => s.pluginId);

beforeAll(async () => {
  // The fixture's district starts with mediation switched on at the centre.
  district = await createTestDistrict(h.db, h.box, 'catalogue');
  ({ api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret));
});
afterAll(() => h.close());

describe('the service catalogue (6+X) per organisation', () => {
  it('lists the six core services and the shipped X plugins with their names, and what is on', async () => {
    const services = await admin.catalogue.getMany({ organisationId: district.organisations.centreId });
    expect(services.map((s) => s.pluginId)).toEqual([
      'consultation',
      'notary',
      'mediation',
      'legal-aid',
      'appraisal',
      'legal-education',
      'x-counselling',
      'x-enterprise-checkup',
    ]);
    expect(services.find((s) => s.pluginId === 'mediation')).toMatchObject({
      enabled: true,
      kind: 'core',
      decidedAt: district.organisations.centreId,
    });
    expect(services.find((s) => s.pluginId === 'notary')?.name['zh-CN']).toBe('公证服务');
  });

  it('offers an X plugin shipped as code once a station switches it on', async () => {
    expect(await enabledAt(admin, district.organisations.stationB)).not.toContain('x-counselling');
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: 'x-counselling',
      enabled: true,
    });
    expect(await enabledAt(admin, district.organisations.stationB)).toContain('x-counselling');
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: 'x-counselling',
      enabled: false,
    });
  });

  it('inherits down the tree: a room has what its centre switched on', async () => {
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual(['mediation']);
  });

  it('lets a station switch a service on for itself only, and off again', async () => {
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationA,
      pluginId: 'legal-education',
      enabled: true,
    });
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual(['mediation', 'legal-education']);
    expect(await enabledAt(admin, district.organisations.stationB)).toEqual(['mediation']);
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationA,
      pluginId: 'mediation',
      enabled: false,
    });
    expect(await enabledAt(admin, district.organisations.roomA)).toEqual(['legal-education']);
  });

  it('shows a community room its service items and the entry points they serve', async () => {
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: 'notary',
      enabled: true,
    });
    const preview = await admin.catalogue.preview({ organisationId: district.organisations.stationB });
    expect(preview.items.every((i) => ['mediation', 'notary'].includes(i.pluginId))).toBe(true);
    expect(preview.entryPoints.map((e) => e.zh)).toEqual([
      '房产过户来坐坐',
      '纠纷隐忧来坐坐',
      '婚姻家事来聊聊',
      '继承知识来问问',
    ]);
  });

  it('refuses an unknown service, a partner organisation, and a desk officer', async () => {
    expect(
      await admin.catalogue
        .setEnabled({ organisationId: district.organisations.stationA, pluginId: 'x-nothing', enabled: true })
        .catch(codeOf),
    ).toBe('BAD_REQUEST catalogue.unknown_service');
    expect(
      await admin.catalogue
        .setEnabled({ organisationId: district.organisations.court, pluginId: 'notary', enabled: true })
        .catch(codeOf),
    ).toBe('BAD_REQUEST catalogue.partner_has_no_catalogue');
    const { api: desk } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    expect(
      await desk.catalogue
        .setEnabled({ organisationId: district.organisations.stationA, pluginId: 'notary', enabled: true })
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
    const mediation = atRoom.find((s) => s.pluginId === 'mediation');
    expect(mediation?.form.length).toBeGreaterThan(0);
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
    // A district of its own: only mediation is on (the fixture's default).
    const d = await createTestDistrict(h.db, h.box, 'screens');
    const { api } = await h.signIn(d.slug, 'admin', TEST_PASSWORD, d.totpSecret);
    const before = await api.catalogue.screens();
    expect(before.navigation).toEqual([]);
    // A case page stays linked whatever is on: old cases of a service switched off stay workable.
    expect(before.caseService.notary?.map((s) => s.path)).toEqual(['notary']);
    expect(before.caseService['legal-aid']?.map((s) => s.path)).toEqual(['legal-aid']);
    expect(before.caseService.appraisal?.map((s) => s.path)).toEqual(['appraisal']);
    expect(before.caseService.mediation).toEqual([
      {
        pluginId: 'mediation',
        id: 'case-mediation',
        path: 'mediation',
        label: {
          'zh-CN': '调解记录、调解协议与司法确认',
          en: 'Mediation record, agreement and judicial confirmation',
        },
        permission: 'case.read',
      },
    ]);
    expect(before.caseService['x-enterprise-checkup']).toBeUndefined();
    // A setting a plugin adds is linked from the settings page whatever is on.
    expect(before.settings.map((s) => `${s.pluginId}:${s.path}`)).toEqual(['legal-aid:settings/legal-aid']);

    // A street station switches the notary service on for itself: its appointment book appears.
    await api.catalogue.setEnabled({
      organisationId: d.organisations.stationA,
      pluginId: 'notary',
      enabled: true,
    });
    const after = await api.catalogue.screens();
    expect(after.navigation.map((s) => `${s.pluginId}:${s.path}`)).toEqual(['notary:notary/slots']);
  });
});
