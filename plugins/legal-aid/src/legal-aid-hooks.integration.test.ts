import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  requestLog,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let desk: AppCaller;

const { log, pluginLines, clear } = requestLog();

const phone = () =>
  `139${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

beforeAll(async () => {
  ({ district } = await h.district('legal-aid-hooks', { enable: ['legal-aid'] }));
  desk = await h.staff(district, 'desk', { log });
});
beforeEach(clear);
afterAll(() => h.close());

describe('legal aid’s onCaseCreated, called when a legal-aid case is taken in', () => {
  it('tells the desk the eligibility route of a wage claim', async () => {
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

  it('is not called for a case taken in without the application form', async () => {
    await desk.case.create({
      channel: 'hotline-12348',
      resident: { name: '钱芳', phone: phone() },
      serviceType: 'legal-aid',
      description: '电话询问法律援助条件，材料未带',
      organisationId: district.organisations.centreId,
    });
    expect(pluginLines()).toEqual([]);
  });
});
