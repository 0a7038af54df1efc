import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import {
  type Actor,
  claimDueMessages,
  enqueueMessage,
  intakeCase,
  retryDelayMs,
  SENDING_LEASE_MS,
  setMessageProvider,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { connect, eq, schema, withTenant } from '@linju/db';
import { smsTemplateSettingKey } from '@linju/message-providers';
import { startAliyunSmsStandin, startRobotStandins } from '@linju/message-providers/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverDueMessages, type MessageDeliveryDeps } from './message-delivery.ts';

/**
 * The worker's outbox pass against real PostgreSQL and stand-ins of the providers' HTTP APIs that
 * check every signature. Time is passed in, never waited for.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let desk: Actor;
let aliyun: Awaited<ReturnType<typeof startAliyunSmsStandin>>;
let robots: Awaited<ReturnType<typeof startRobotStandins>>;
/** How far the pass's clock runs ahead of the database's: a back-off or a lease passes without waiting. */
let ahead = 0;
const clock = () => new Date(Date.now() + ahead);
let deps: MessageDeliveryDeps;
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(app.db, d.tenantId, fn);
const rowOf = async (id: string) => {
  const [row] = await inTenant((tx) =>
    tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.id, id)),
  );
  return row;
};
let n = 0;
const intake = async () => {
  const phone = `1350000${String(1000 + n++)}`;
  const c = await inTenant((tx) =>
    intakeCase(tx, desk, box, {
      channel: 'walk-in',
      resident: { name: `周${n}`, phone, contactPreference: 'sms' },
      serviceType: TEST_SERVICE,
      description: '物业费纠纷',
      organisationId: d.organisations.stationA,
    }),
  );
  const [message] = await inTenant((tx) =>
    tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, c.id)),
  );
  return { c, phone, id: message?.id ?? '' };
};
const pass = () => deliverDueMessages(deps, d.tenantId);

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'outbox');
  desk = await actorOf(app.db, d.tenantId, d.people.deskA);
  aliyun = await startAliyunSmsStandin({
    accessKeyId: 'LTAI-x',
    accessKeySecret: 's3cret',
    templates: ['SMS_1'],
  });
  robots = await startRobotStandins({ wecomKey: 'k', dingtalkToken: 't', dingtalkSecret: 'SEC' });
  deps = {
    db: app.db,
    box,
    endpoints: { 'aliyun-sms': aliyun.url, 'dingtalk-robot': robots.dingtalk.url },
    now: clock,
  };
});
afterAll(async () => {
  await aliyun.close();
  await robots.close();
  await app.close();
});

describe('the outbox pass', () => {
  it('leaves messages queued while the district has no provider for their channel', async () => {
    const { id } = await intake();
    expect(await pass()).toMatchObject({ claimed: 0 });
    expect((await rowOf(id))?.status).toBe('queued');
  });

  it('sends the intake receipt through Alibaba Cloud, retrying a throttled attempt after its back-off', async () => {
    await inTenant((tx) =>
      setMessageProvider(tx, systemActor(d.tenantId), box, {
        channel: 'sms',
        provider: 'aliyun-sms',
        settings: {
          signName: '测试司法',
          [smsTemplateSettingKey('intake-receipt')]: { templateId: 'SMS_1', params: ['no'] },
        },
        credentials: { accessKeyId: 'LTAI-x', accessKeySecret: 's3cret' },
      }),
    );
    // The message queued before the provider was set goes out with this one.
    const { c, phone, id } = await intake();
    aliyun.failNext.push('isv.BUSINESS_LIMIT_CONTROL', 'isv.BUSINESS_LIMIT_CONTROL');
    await pass();
    expect(await rowOf(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: expect.stringMatching(/LIMIT/),
    });
    expect(await pass()).toMatchObject({ claimed: 0 });
    ahead += retryDelayMs(1);
    await pass();
    const sent = await rowOf(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, provider: 'aliyun-sms', lastError: null });
    expect(aliyun.sent.filter((s) => s.outId === id)).toEqual([
      { phone, signName: '测试司法', templateCode: 'SMS_1', params: { no: c.number }, outId: id },
    ]);
    expect(sent?.providerMessageId).toBeTruthy();
  });

  it('fails for good a template the district never registered, without calling the provider', async () => {
    const before = aliyun.sent.length;
    const { id } = await inTenant((tx) =>
      enqueueMessage(tx, desk, box, {
        channel: 'sms',
        templateKey: 'rating-code',
        recipient: '13500009999',
        params: { number: 'T-1', code: 'ABCDE-FGHJK' },
      }),
    );
    await pass();
    expect(await rowOf(id)).toMatchObject({
      status: 'failed',
      lastError: 'template-not-registered: rating-code',
    });
    expect(aliyun.sent.length).toBe(before);
  });

  it('does not send again a message whose worker died between sending and recording', async () => {
    const { id } = await intake();
    // A worker claims it and dies before it records anything.
    await inTenant((tx) =>
      claimDueMessages(tx, box, { tenantId: d.tenantId, channels: ['sms'], now: clock() }),
    );
    const before = aliyun.sent.length;
    ahead += SENDING_LEASE_MS;
    await pass();
    expect(await rowOf(id)).toMatchObject({ status: 'failed', lastError: 'outcome-unknown' });
    expect(aliyun.sent.length).toBe(before);
  });

  it('posts the zh-CN text to a signed DingTalk robot, and the log provider delivers at once', async () => {
    await inTenant(async (tx) => {
      await setMessageProvider(tx, systemActor(d.tenantId), box, {
        channel: 'dingtalk-robot',
        provider: 'dingtalk-robot',
        credentials: { accessToken: 't', secret: 'SEC' },
      });
      await setMessageProvider(tx, systemActor(d.tenantId), box, { channel: 'email', provider: 'log' });
    });
    const [robot, mail] = await inTenant(async (tx) => [
      await enqueueMessage(tx, desk, box, {
        channel: 'dingtalk-robot',
        templateKey: 'escalation-to-station-head',
        recipient: 'group',
        params: { number: 'XH-2026-000001', level: '超期' },
      }),
      await enqueueMessage(tx, desk, box, {
        channel: 'email',
        templateKey: 'duty-reminder',
        recipient: 'head@example.gov.cn',
        params: { day: '12月7日', slot: '上午', place: '甲街道工作站' },
      }),
    ]);
    await pass();
    expect(robots.dingtalk.texts).toContain('案件 XH-2026-000001 已超期，请站点负责人督办。');
    expect((await rowOf(robot?.id ?? ''))?.status).toBe('sent');
    expect(await rowOf(mail?.id ?? '')).toMatchObject({
      status: 'delivered',
      recipientMasked: 'h***@example.gov.cn',
    });
  });
});
