import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { type Actor, intakeCase, setMessageProvider, systemActor } from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { connect, eq, schema, withTenant } from '@linju/db';
import { smsTemplateSettingKey } from '@linju/message-providers';
import { startAliyunSmsStandin } from '@linju/message-providers/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOutboxListener } from './outbox-listener.ts';

/**
 * A message leaves when its change commits, not at the next sweep: no reconciler runs here, so
 * only the listener can send it.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let desk: Actor;
let aliyun: Awaited<ReturnType<typeof startAliyunSmsStandin>>;
let listener: Awaited<ReturnType<typeof startOutboxListener>>;
const silent = { info: () => {}, warn: () => {} };
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(app.db, d.tenantId, fn);
const statusOf = async (caseId: string) => {
  const rows = await inTenant((tx) =>
    tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, caseId)),
  );
  return rows.map((r) => r.status);
};
const intake = (phone: string) =>
  inTenant((tx) =>
    intakeCase(tx, desk, box, {
      channel: 'walk-in',
      resident: { name: '钱桂芳', phone, contactPreference: 'sms' },
      serviceType: TEST_SERVICE,
      description: '邻居装修噪音',
      organisationId: d.organisations.stationA,
    }),
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'outbox-listen');
  desk = await actorOf(app.db, d.tenantId, d.people.deskA);
  aliyun = await startAliyunSmsStandin({
    accessKeyId: 'LTAI-l',
    accessKeySecret: 'listen',
    templates: ['SMS_9'],
  });
  await inTenant((tx) =>
    setMessageProvider(tx, systemActor(d.tenantId), box, {
      channel: 'sms',
      provider: 'aliyun-sms',
      settings: {
        signName: '测试司法',
        [smsTemplateSettingKey('intake-receipt')]: { templateId: 'SMS_9', params: ['no'] },
      },
      credentials: { accessKeyId: 'LTAI-l', accessKeySecret: 'listen' },
    }),
  );
  listener = await startOutboxListener(
    { db: app.db, box, endpoints: { 'aliyun-sms': aliyun.url } },
    { url: inject('databaseUrl'), log: silent },
  );
});
afterAll(async () => {
  await listener?.close();
  await aliyun?.close();
  await app.close();
});

describe('the outbox listener', () => {
  it('sends a receipt as soon as the intake that queued it commits', async () => {
    const c = await intake('13500007001');
    await expect.poll(() => statusOf(c.id), { timeout: 15_000 }).toEqual(['sent']);
    expect(aliyun.sent.map((s) => s.phone)).toContain('13500007001');
  });

  it('sends nothing for a change that rolled back', async () => {
    await expect(
      inTenant(async (tx) => {
        await intakeCase(tx, desk, box, {
          channel: 'walk-in',
          resident: { name: '孙丽', phone: '13500007002', contactPreference: 'sms' },
          serviceType: TEST_SERVICE,
          description: '物业费',
          organisationId: d.organisations.stationA,
        });
        throw new Error('the desk cancelled');
      }),
    ).rejects.toThrow('the desk cancelled');
    // A later commit's pass has run when its own message is sent; the rolled-back one never existed.
    const c = await intake('13500007003');
    await expect.poll(() => statusOf(c.id), { timeout: 15_000 }).toEqual(['sent']);
    expect(aliyun.sent.map((s) => s.phone)).not.toContain('13500007002');
  });
});
