import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, eq, schema, sealedColumns, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { nextDay } from '../calendar/working-days.ts';
import { setMessageProvider } from '../messages/message-providers.ts';
import { listNotifications } from '../notifications/notification-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { getCase, intakeCase, setWaitingForResident } from './case-service.ts';
import { escalateTimeLimits, listCaseEscalations } from './time-limit-escalation.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
let headA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
let phone = 0;
const intake = (actor: Actor, organisationId: string) =>
  inTenant((tx) =>
    intakeCase(tx, actor, box, {
      channel: 'walk-in',
      resident: { name: '赵先生', phone: `137${String(20_000_000 + phone++).slice(-8)}` },
      serviceType: TEST_SERVICE,
      description: '物业费纠纷',
      organisationId,
    }),
  );
const escalate = (today: string) => inTenant((tx) => escalateTimeLimits(tx, { tenantId: d.tenantId, today }));
const noticesOf = async (actor: Actor, caseId: string) =>
  (await inTenant((tx) => listNotifications(tx, actor, { limit: 100 }))).items.filter(
    (n) => n.caseId === caseId,
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'escalate');
  [deskA, deskB, headA] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.deskA),
    actorOf(app.db, d.tenantId, d.people.deskB),
    actorOf(app.db, d.tenantId, d.people.headA),
  ]);
});
afterAll(() => app.close());

describe('time-limit escalation', () => {
  it('tells the first responder and the station head above the unit when a case is due soon, once', async () => {
    const inRoom = await intake(deskA, d.organisations.roomA);
    const dueOn = inRoom.dueOn as string;
    const first = await escalate(dueOn);
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    const again = await escalate(dueOn);
    expect(again).toMatchObject({ dueSoon: 0, overdue: 0, notified: 0 });

    const forDesk = await noticesOf(deskA, inRoom.id);
    const forHead = await noticesOf(headA, inRoom.id);
    expect(forDesk).toHaveLength(1);
    expect(forHead).toHaveLength(1);
    expect(forHead[0]).toMatchObject({
      kind: 'case.due-soon',
      messageKey: 'notification.case_due_soon',
      params: { number: inRoom.number, dueOn },
      caseNumber: inRoom.number,
    });
    // Due soon is a warning only: nothing on the timeline yet.
    const c = await inTenant((tx) => getCase(tx, deskA, { caseId: inRoom.id }));
    expect(c.timeline.map((e) => e.kind)).not.toContain('escalated');
  });

  it('escalates an overdue case once, with a timeline entry and an audit entry', async () => {
    const atStation = await intake(deskA, d.organisations.stationA);
    const dueOn = atStation.dueOn as string;
    const after = nextDay(dueOn);
    const first = await escalate(after);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    await escalate(after);
    await escalate(nextDay(after));

    expect(await noticesOf(deskA, atStation.id)).toEqual([
      expect.objectContaining({ kind: 'case.overdue', messageKey: 'notification.case_overdue' }),
    ]);
    expect(await noticesOf(headA, atStation.id)).toHaveLength(1);
    const c = await inTenant((tx) => getCase(tx, deskA, { caseId: atStation.id }));
    const escalations = c.timeline.filter((e) => e.kind === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.data).toMatchObject({ level: 'overdue', dueOn, today: after });
    const audit = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(
          and(eq(schema.auditEntry.objectId, atStation.id), eq(schema.auditEntry.action, 'case.escalated')),
        ),
    );
    expect(audit).toHaveLength(1);
    expect(await inTenant((tx) => listCaseEscalations(tx, atStation.id))).toEqual([
      expect.objectContaining({ level: 'overdue', dueOn }),
    ]);
  });

  it('tells the staff group robot the district configured of an overdue case, once, given the secret box', async () => {
    const groupMessages = (caseId: string) =>
      inTenant((tx) =>
        tx
          .select()
          .from(schema.outboundMessage)
          .where(
            and(
              eq(schema.outboundMessage.caseId, caseId),
              eq(schema.outboundMessage.templateKey, 'escalation-to-station-head'),
            ),
          ),
      );
    await inTenant((tx) =>
      setMessageProvider(tx, systemActor(d.tenantId, 'test'), box, {
        channel: 'dingtalk-robot',
        provider: 'log',
      }),
    );
    const late = await intake(deskA, d.organisations.stationA);
    const after = nextDay(late.dueOn as string);
    // Due soon is said in the app only.
    await inTenant((tx) =>
      escalateTimeLimits(tx, { tenantId: d.tenantId, today: late.dueOn as string }, box),
    );
    expect(await groupMessages(late.id)).toEqual([]);
    await inTenant((tx) => escalateTimeLimits(tx, { tenantId: d.tenantId, today: after }, box));
    await inTenant((tx) => escalateTimeLimits(tx, { tenantId: d.tenantId, today: after }, box));
    const sent = await groupMessages(late.id);
    expect(sent).toEqual([
      expect.objectContaining({ channel: 'dingtalk-robot', recipientMasked: 'group', status: 'queued' }),
    ]);
    expect(
      JSON.parse(box.decrypt(sent[0]?.paramsSealed ?? '', d.tenantId, sealedColumns.messageParams)),
    ).toEqual({
      number: late.number,
      level: '超过办理期限',
    });
  });

  it('leaves another station’s head out, and skips cases waiting for the resident', async () => {
    const inB = await intake(deskB, d.organisations.stationB);
    const waiting = await intake(deskB, d.organisations.stationB);
    await inTenant((tx) => setWaitingForResident(tx, deskB, { caseId: waiting.id, waiting: true }));
    await escalate(nextDay(inB.dueOn as string));
    expect(await noticesOf(deskB, inB.id)).toHaveLength(1);
    expect(await noticesOf(headA, inB.id)).toHaveLength(0);
    expect(await noticesOf(deskB, waiting.id)).toHaveLength(0);
  });
});
