import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from './message-provider.ts';
import { createDingtalkRobot, createWecomRobot } from './robot-webhooks.ts';
import { startRobotStandins } from './testing/index.ts';

const escalation: OutgoingMessage = {
  id: '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e02',
  channel: 'dingtalk-robot',
  templateKey: 'escalation-to-station-head',
  recipient: 'group',
  params: { number: 'XH-2026-000123', level: '超期' },
  text: '案件 XH-2026-000123 已超期，请站点负责人督办。',
  subject: '',
};
const robots = { wecomKey: 'wecom-key', dingtalkToken: 'ding-token', dingtalkSecret: 'SEC-ding' };
let standins: Awaited<ReturnType<typeof startRobotStandins>>;
beforeAll(async () => {
  standins = await startRobotStandins(robots);
});
afterAll(() => standins.close());

describe('group robots against stand-ins of their webhooks', () => {
  it('WeChat Work: posts the text with the webhook key; a rate limit is retried, a wrong key is not', async () => {
    const robot = createWecomRobot({ key: robots.wecomKey }, { endpoint: standins.wecom.url });
    expect(await robot.send(escalation)).toEqual({ outcome: 'sent', providerMessageId: null });
    expect(standins.wecom.texts.at(-1)).toBe(escalation.text);
    standins.failNext.push(45009);
    expect(await robot.send(escalation)).toMatchObject({
      outcome: 'retry',
      error: expect.stringMatching(/^45009/),
    });
    const wrong = createWecomRobot({ key: 'nope' }, { endpoint: standins.wecom.url });
    expect(await wrong.send(escalation)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^93000/),
    });
  });

  it('DingTalk: signs timestamp and secret; a wrong secret or a stale clock is refused for good', async () => {
    const robot = createDingtalkRobot(
      { accessToken: robots.dingtalkToken, secret: robots.dingtalkSecret },
      { endpoint: standins.dingtalk.url },
    );
    expect(await robot.send(escalation)).toEqual({ outcome: 'sent', providerMessageId: null });
    expect(standins.dingtalk.texts.at(-1)).toBe(escalation.text);
    const wrong = createDingtalkRobot(
      { accessToken: robots.dingtalkToken, secret: 'SEC-other' },
      { endpoint: standins.dingtalk.url },
    );
    expect(await wrong.send(escalation)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/^310000/),
    });
    const stale = createDingtalkRobot(
      { accessToken: robots.dingtalkToken, secret: robots.dingtalkSecret },
      { endpoint: standins.dingtalk.url, now: () => new Date(Date.now() - 2 * 3_600_000) },
    );
    expect(await stale.send(escalation)).toMatchObject({ outcome: 'failed' });
    standins.failNext.push(130101);
    expect(await robot.send(escalation)).toMatchObject({ outcome: 'retry' });
  });
});
