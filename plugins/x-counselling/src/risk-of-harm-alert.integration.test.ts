import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  eq,
  pluginHarness,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let deskA: AppCaller;
let admin: AppCaller;

const phone = () =>
  `139${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

/** A counselling case taken in by station A's desk, with or without a risk of harm. */
const takeIn = (riskOfHarm: boolean) =>
  deskA.case.create({
    channel: 'walk-in',
    resident: { name: '林晓', phone: phone() },
    serviceType: 'x-counselling',
    category: 'individual',
    description: riskOfHarm ? '近来情绪低落，提到不想活了' : '与邻居纠纷后失眠',
    organisationId: district.organisations.stationA,
    form: { concern: riskOfHarm ? 'other' : 'dispute-stress', riskOfHarm },
  });

/** The case's notifications, by recipient (the station head signs in with a second factor, so read them directly). */
const notificationsOf = (caseId: string) =>
  h.asTenant(district.tenantId, (tx) =>
    tx
      .select({
        recipientId: schema.notification.recipientId,
        kind: schema.notification.kind,
        messageKey: schema.notification.messageKey,
        params: schema.notification.params,
      })
      .from(schema.notification)
      .where(eq(schema.notification.caseId, caseId)),
  );

beforeAll(async () => {
  ({ district, admin } = await h.district('x-counselling-alert', { enable: ['x-counselling'] }));
  deskA = await h.staff(district, 'desk-a');
});
afterAll(() => h.close());

describe('an intake with a risk of harm', () => {
  it('is taken in as critical, whatever urgency the desk chose', async () => {
    const c = await takeIn(true);
    expect(c.urgency).toBe('critical');
    const listed = await deskA.case.getMany({});
    expect(listed.cases.find((row) => row.id === c.id)?.urgency).toBe('critical');
  });

  it('tells the station head over the receiving unit at once, naming the case', async () => {
    const c = await takeIn(true);
    expect(await notificationsOf(c.id)).toEqual([
      {
        recipientId: district.people.headA,
        kind: 'case.alert',
        messageKey: 'x-counselling.alert.risk_of_harm',
        params: { number: c.number },
      },
    ]);
  });

  it('says why on the timeline, in the audit log under its own action', async () => {
    const c = await takeIn(true);
    const { timeline } = await admin.case.get({ caseId: c.id });
    expect(timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      `案件 ${c.number}：来访者有自伤或伤人风险，已标为特急，请立即安排专业心理危机干预。`,
    ]);
    const audit = await admin.audit.getMany({ objectType: 'case', objectId: c.id });
    expect(audit.entries.map((e) => e.action)).toContain('case.alert_raised');
  });
});

describe('an intake without a risk of harm', () => {
  it('keeps the urgency chosen, tells no head and adds nothing to the timeline', async () => {
    const c = await takeIn(false);
    expect(c.urgency).toBe('normal');
    expect(await notificationsOf(c.id)).toEqual([]);
    const { timeline } = await admin.case.get({ caseId: c.id });
    expect(timeline.map((e) => e.kind)).toEqual(['created']);
  });
});

describe("the district's staff group chat", () => {
  /** The escalations queued for the case's staff group robots (the outbox as the administrator sees it). */
  const groupMessages = async (caseId: string) =>
    (await admin.message.getMany({ limit: 100 })).items.filter(
      (m) => m.caseId === caseId && m.templateKey === 'escalation-to-station-head',
    );

  it('hears a risk of harm on the robot the district configured, with the intake; none without one', async () => {
    const unconfigured = await takeIn(true);
    expect(await groupMessages(unconfigured.id)).toEqual([]);
    await admin.message.setProvider({ channel: 'wecom-robot', provider: 'log' });
    const c = await takeIn(true);
    expect(await groupMessages(c.id)).toEqual([
      expect.objectContaining({ channel: 'wecom-robot', recipient: 'group', status: 'queued' }),
    ]);
    expect(await groupMessages((await takeIn(false)).id)).toEqual([]);
  });
});
