import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';
import type { Logger } from './trpc.ts';

const h = apiHarness();
let district: TestDistrict;
let desk: AppCaller;

/** The request log: each line with its level, and whether the case it names was committed by then. */
type Line = { level: keyof Logger; message: string | undefined; fields: Record<string, unknown> };
let lines: Line[] = [];
let committedWhenLogged: Promise<boolean>[] = [];
const log: Logger = {
  info: (fields, message) => lines.push({ level: 'info', message, fields: fields as Line['fields'] }),
  warn: (fields, message) => {
    lines.push({ level: 'warn', message, fields: fields as Line['fields'] });
    // Read from another connection: only a committed case is visible there.
    const caseId = String((fields as { caseId?: unknown }).caseId);
    committedWhenLogged.push(
      withTenant(h.db, district.tenantId, async (tx) => {
        const rows = await tx
          .select({ id: schema.legalCase.id })
          .from(schema.legalCase)
          .where(eq(schema.legalCase.id, caseId));
        return rows.length === 1;
      }),
    );
  },
  error: (fields, message) => lines.push({ level: 'error', message, fields: fields as Line['fields'] }),
};
const pluginLines = () => lines.filter((line) => line.fields.plugin !== undefined);

const phone = () =>
  `139${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'plugin-hooks');
  const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
  for (const pluginId of ['x-counselling', 'legal-aid']) {
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.centreId,
      pluginId,
      enabled: true,
    });
  }
  const { sessionToken } = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
  desk = h.caller({ sessionToken, log });
});
beforeEach(() => {
  lines = [];
  committedWhenLogged = [];
});
afterAll(() => h.close());

describe('onCaseCreated, called when a case of the plugin’s service is taken in', () => {
  it('lets the counselling plugin flag a risk of harm, once the case is committed', async () => {
    const c = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '林晓', phone: phone() },
      serviceType: 'x-counselling',
      category: 'individual',
      description: '近来情绪低落，提到不想活了',
      organisationId: district.organisations.centreId,
      form: { concern: 'other', riskOfHarm: true },
    });
    expect(pluginLines()).toEqual([
      {
        level: 'warn',
        message: 'counselling intake with risk of harm: crisis referral needed',
        fields: { caseId: c.id, plugin: 'x-counselling', tenantId: district.tenantId },
      },
    ]);
    expect(await Promise.all(committedWhenLogged)).toEqual([true]);
  });

  it('hands the hook the form as validated, defaults filled in', async () => {
    await desk.case.create({
      channel: 'walk-in',
      resident: { name: '周平', phone: phone() },
      serviceType: 'x-counselling',
      description: '与邻居纠纷后失眠',
      organisationId: district.organisations.centreId,
      // riskOfHarm left out: the schema's default (false) reaches the hook, which stays silent.
      form: { concern: 'dispute-stress', linkedToDispute: true },
    });
    expect(pluginLines()).toEqual([]);
  });

  it('tells the legal-aid desk the eligibility route of a wage claim', async () => {
    const c = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '韩立军', phone: phone() },
      serviceType: 'legal-aid',
      category: 'labour-remuneration',
      description: '工地拖欠三个月工资',
      organisationId: district.organisations.centreId,
      form: {
        applicantName: '韩立军',
        matter: 'labour-remuneration',
        summary: '工地拖欠三个月工资共计两万四千元',
        migrantWorkerWageClaim: true,
      },
    });
    expect(pluginLines()).toEqual([
      {
        level: 'info',
        message: 'legal-aid eligibility route',
        fields: {
          caseId: c.id,
          matter: 'labour-remuneration',
          route: 'exempt-migrant-worker',
          plugin: 'legal-aid',
          tenantId: district.tenantId,
        },
      },
    ]);
  });

  it('is not called for a case without the service’s form, nor for a service without the hook', async () => {
    await desk.case.create({
      channel: 'hotline-12348',
      resident: { name: '钱芳', phone: phone() },
      serviceType: 'legal-aid',
      description: '电话询问法律援助条件，材料未带',
      organisationId: district.organisations.centreId,
    });
    await desk.case.create({
      channel: 'walk-in',
      resident: { name: '孙强', phone: phone() },
      serviceType: 'mediation',
      category: 'neighbours',
      description: '楼上漏水',
      organisationId: district.organisations.centreId,
    });
    expect(pluginLines()).toEqual([]);
  });
});
