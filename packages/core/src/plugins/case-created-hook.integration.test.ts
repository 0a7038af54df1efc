import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, withTenant } from '@linju/db';
import { createPluginRegistry, definePlugin, field, type LogFields } from '@linju/plugin-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { intakeCase } from '../cases/case-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '../testing/test-district.ts';
import { prepareCaseCreatedHook } from './case-created-hook.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
afterAll(() => app.close());
beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'case-created-hook');
});

/** A plugin of the test service, as `linju plugin new` would start one, whose hook reaches a system that is down. */
const failing = definePlugin({
  id: TEST_SERVICE,
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '测试服务', en: 'Test service' },
  description: { 'zh-CN': '化解民间纠纷', en: 'Resolves disputes between residents' },
  catalogue: [
    {
      id: 'dispute-mediation',
      name: { 'zh-CN': '纠纷调解', en: 'Dispute mediation' },
      description: { 'zh-CN': '调解员居中调解', en: 'A mediator helps the parties agree' },
    },
  ],
  categories: [{ id: 'neighbours', name: { 'zh-CN': '相邻关系纠纷', en: 'Neighbours' } }],
  intakeForm: z.object({
    floor: field(z.int().min(1).optional(), { label: { 'zh-CN': '楼层', en: 'Floor' } }),
  }),
  deadlines: { defaultWorkingDays: 30 },
  permissions: [
    {
      id: `${TEST_SERVICE}.case.view`,
      label: { 'zh-CN': '查看测试案件', en: 'View test cases' },
      grantedWith: 'case.read',
    },
  ],
  hooks: {
    onCaseCreated() {
      throw new Error('the grid system is down');
    },
  },
});

describe('prepareCaseCreatedHook', () => {
  it('logs a failing hook with the case’s id and leaves the committed case as it is', async () => {
    const errors: { plugin: string; tenantId: string; message: string; fields?: LogFields }[] = [];
    const logger = (plugin: string, tenantId: string) => ({
      debug() {},
      info() {},
      warn() {},
      error: (message: string, fields?: LogFields) => errors.push({ plugin, tenantId, message, fields }),
    });
    const desk = await actorOf(app.db, d.tenantId, d.people.desk);
    const hook = await withTenant(app.db, d.tenantId, async (tx) => {
      const c = await intakeCase(tx, desk, box, {
        channel: 'walk-in',
        resident: { name: '居民', phone: '13700000019' },
        serviceType: TEST_SERVICE,
        category: 'neighbours',
        description: '楼上漏水',
        organisationId: d.organisations.centreId,
      });
      return prepareCaseCreatedHook(tx, d.tenantId, createPluginRegistry([failing]), c.id, logger);
    });
    if (!hook) throw new Error('expected the hook to be prepared');

    await expect(hook.run()).resolves.toBeUndefined();
    expect(errors).toEqual([
      {
        plugin: TEST_SERVICE,
        tenantId: d.tenantId,
        message: 'onCaseCreated failed; the case stays taken in',
        fields: { caseId: hook.caseId, error: 'the grid system is down' },
      },
    ]);
    const [stored] = await withTenant(app.db, d.tenantId, (tx) =>
      tx
        .select({ status: schema.legalCase.status })
        .from(schema.legalCase)
        .where(eq(schema.legalCase.id, hook.caseId)),
    );
    expect(stored).toEqual({ status: 'received' });
  });

  it('prepares nothing for a service no installed plugin serves', async () => {
    const desk = await actorOf(app.db, d.tenantId, d.people.desk);
    const hook = await withTenant(app.db, d.tenantId, async (tx) => {
      const c = await intakeCase(tx, desk, box, {
        channel: 'walk-in',
        resident: { name: '居民', phone: '13700000029' },
        serviceType: TEST_SERVICE,
        description: '噪音',
        organisationId: d.organisations.centreId,
      });
      return prepareCaseCreatedHook(tx, d.tenantId, createPluginRegistry([]), c.id, () => {
        throw new Error('no logger is needed');
      });
    });
    expect(hook).toBeNull();
  });
});
