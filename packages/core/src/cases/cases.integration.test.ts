import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, sql, type TenantTx, withTenant } from '@linju/db';
import { JOINT_CONSULTATION_EVENT } from '@linju/vocabulary';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { MAX_DOCUMENT_BYTES } from '../documents/checked-document.ts';
import { createLocalDocumentStore } from '../documents/index.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import { listCaseAssignees } from './case-assignees.ts';
import { getCaseChain, linkCases } from './case-chain.ts';
import { attachDocument, readDocument } from './case-documents.ts';
import { addCaseParty } from './case-parties.ts';
import { findCases } from './case-queries.ts';
import type { IntakeRequest } from './case-schemas.ts';
import {
  addCaseNote,
  assignCase,
  changeCaseStatus,
  getCase,
  intakeCase,
  setWaitingForResident,
  transferCase,
  triageCase,
} from './case-service.ts';
import { saveCaseSettings, setTimeLimit } from './case-settings.ts';
import { holdJointConsultation } from './joint-consultation.ts';
import { recordResidentFeedback, recordSatisfaction } from './resident-feedback.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-files-')));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
let headA: Actor;
let centreDesk: Actor;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, key: error.message, field: error.field, params: error.params };
    if (error instanceof ZodError)
      return { kind: 'bad-request', key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};

/** A valid ID number (GB 11643 check character) from 17 digits. */
function idNumber(body: string) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + ('10X98765432'[weights.reduce((a, w, i) => a + w * Number(body[i]), 0) % 11] as string);
}
const ID_1 = idNumber('11010519491231002');
const ID_2 = idNumber('11010519491231003');
const ID_3 = idNumber('11010519800101002');

let phoneSeq = 0;
const newPhone = () => `139${String(10_000_000 + phoneSeq++ * 7919).slice(-8)}`;
const walkIn = (over: Partial<IntakeRequest> = {}): IntakeRequest => ({
  channel: 'walk-in',
  resident: { name: '王阿姨', phone: newPhone(), keyGroups: ['elderly'] },
  serviceType: TEST_SERVICE,
  category: 'neighbours',
  description: '楼上邻居装修噪音持续到深夜，协商无果',
  organisationId: d.organisations.stationA,
  ...over,
});
const intake = (actor: Actor, over: Partial<IntakeRequest> = {}) =>
  inTenant((tx) => intakeCase(tx, actor, box, walkIn(over)));

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'cases');
  [deskA, deskB, headA, centreDesk] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.deskA, '前台甲'),
    actorOf(app.db, d.tenantId, d.people.deskB, '前台乙'),
    actorOf(app.db, d.tenantId, d.people.headA, '所长甲'),
    actorOf(app.db, d.tenantId, d.people.desk, '中心前台'),
  ]);
  admin = systemActor(d.tenantId, 'test admin');
});
afterAll(() => app.close());

describe('intake', () => {
  it('numbers cases per tenant and year, and makes the receiver the first responder', async () => {
    const first = await intake(deskA);
    const second = await intake(deskA);
    const year = new Date().getFullYear();
    expect(first.number).toMatch(new RegExp(`^TC-${year}-\\d{6}$`)); // t-cases-… → TC
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    expect(first).toMatchObject({
      firstResponderId: d.people.deskA,
      status: 'received',
      currentOrganisationId: d.organisations.stationA,
    });
    expect(first.dueOn).not.toBeNull();
  });

  it('numbers concurrent intakes of a district consecutively, each in its own statement', async () => {
    const sequence = (number: string) => Number(number.slice(-6));
    const first = sequence((await intake(deskA)).number);
    const together = await Promise.all(Array.from({ length: 12 }, () => intake(deskA)));
    expect(together.map((c) => sequence(c.number)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => first + 1 + i),
    );
    // What the intake wrote after the draw names the number: its audit entry.
    const last = together.at(-1) as (typeof together)[number];
    const [audited] = await inTenant((tx) =>
      tx.execute<{ number: string }>(
        sql`select after->>'number' as number from audit_entry
            where object_id = ${last.id} and action = 'case.created'`,
      ),
    );
    expect(audited?.number).toBe(last.number);
  });

  it('lets an intake finish while another of the district is still open after its draw', async () => {
    const sequence = (number: string) => Number(number.slice(-6));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let drawn = (_: string) => {};
    const opened = new Promise<string>((resolve) => {
      drawn = resolve;
    });
    const open = inTenant(async (tx) => {
      const c = await intakeCase(tx, deskA, box, walkIn());
      drawn(c.number);
      await held;
      throw new Error('rolled back after the draw');
    });
    const openNumber = await opened;
    // Before, the open intake held the district's counter row to its end: this one waited for it.
    const meanwhile = await intake(deskB, { organisationId: d.organisations.stationB });
    expect(sequence(meanwhile.number)).toBe(sequence(openNumber) + 1);
    release();
    await expect(open).rejects.toThrow('rolled back after the draw');
    // The rolled-back intake's number stays unused: the next one is not given it again.
    const [reused] = await inTenant((tx) =>
      tx.execute(sql`select 1 from "case" where number = ${openNumber}`),
    );
    expect(reused).toBeUndefined();
    expect(sequence((await intake(deskA)).number)).toBe(sequence(meanwhile.number) + 1);
  });

  it('uses the tenant’s prefix once set', async () => {
    await inTenant((tx) =>
      saveCaseSettings(tx, admin, {
        numberPrefix: 'XH',
        requireSatisfactionToClose: false,
        dueSoonWorkingDays: 2,
        defaultWorkingDays: 15,
      }),
    );
    expect((await intake(deskA)).number).toMatch(/^XH-\d{4}-\d{6}$/);
  });

  it('finds the resident again by phone (same name) and by ID number, sealed and masked', async () => {
    const phone = newPhone();
    const first = await intake(deskA, { resident: { name: '李大伯', phone, keyGroups: ['elderly'] } });
    expect(first.residentMatched).toBe('new');
    expect(first.resident.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const again = await intake(deskA, { resident: { name: '李大伯', phone, idNumber: ID_1 } });
    expect(again).toMatchObject({ residentMatched: 'phone', residentId: first.residentId });
    const byId = await intake(deskB, {
      organisationId: d.organisations.stationB,
      resident: { name: '李大伯', idNumber: ID_1, keyGroups: ['disabled'] },
    });
    expect(byId).toMatchObject({ residentMatched: 'id-number', residentId: first.residentId });
    expect(byId.resident.keyGroups.sort()).toEqual(['disabled', 'elderly'].sort());
    const household = await intake(deskA, { resident: { name: '李大妈', phone } });
    expect(household.residentId).not.toBe(first.residentId);
    const [stored] = await inTenant((tx) =>
      tx.execute<{ phone_encrypted: string; phone_index: string }>(
        sql`select phone_encrypted, phone_index from resident where id = ${first.residentId}`,
      ),
    );
    expect(stored?.phone_encrypted).not.toContain(phone.slice(3));
    expect(stored?.phone_index).toBe(box.blindIndex(phone, d.tenantId));
  });

  it('refuses a service not switched on, a partner as the receiving unit and another station', async () => {
    expect(await refusal(intake(deskA, { serviceType: SECOND_TEST_SERVICE }))).toMatchObject({
      key: 'case.service_not_enabled',
    });
    expect(await refusal(intake(centreDesk, { organisationId: d.organisations.court }))).toMatchObject({
      key: 'case.organisation_not_service_unit',
    });
    expect(await refusal(intake(deskA, { organisationId: d.organisations.stationB }))).toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('the status state machine', () => {
  it('walks received → triaged → in progress → resolved → feedback given → closed', async () => {
    const c = await intake(deskA);
    await inTenant((tx) =>
      triageCase(tx, headA, { caseId: c.id, serviceType: TEST_SERVICE, category: 'family' }),
    );
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'in-progress' }));
    await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'resolved' }));
    await inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: '电话告知调解结果' }));
    const closed = await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }));
    expect(closed.status).toBe('closed');
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.timeline.map((e) => e.kind)).toEqual([
      'created',
      'triaged',
      'status',
      'status',
      'feedback',
      'status',
    ]);
    expect(page.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses invalid moves, naming the current status', async () => {
    const c = await intake(deskA);
    expect(
      await refusal(inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }))),
    ).toEqual({
      kind: 'conflict',
      key: 'case.transition_invalid',
      field: 'status',
      params: { from: 'received', to: 'closed' },
    });
    expect(
      await refusal(inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: 'x' }))),
    ).toMatchObject({
      params: { from: 'received', to: 'feedback-given' },
    });
  });

  it('needs a reason to withdraw or reject, and nothing leaves those states', async () => {
    const c = await intake(deskA);
    expect(
      await refusal(inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'withdrawn' }))),
    ).toMatchObject({
      key: 'case.reason_required',
    });
    const withdrawn = await inTenant((tx) =>
      changeCaseStatus(tx, deskA, { caseId: c.id, status: 'withdrawn', reason: '当事人已自行和解' }),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: '当事人已自行和解', dueOn: null });
    expect(
      await refusal(inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'in-progress' }))),
    ).toMatchObject({
      params: { from: 'withdrawn' },
    });
  });

  it('leaves neither timeline entry nor audit entry when the change fails', async () => {
    const c = await intake(deskA);
    const counts = () =>
      inTenant(async (tx) => {
        const page = await getCase(tx, deskA, { caseId: c.id });
        const audit = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from audit_entry where object_id = ${c.id}`,
        );
        return { events: page.timeline.length, audit: audit[0]?.n, status: page.status };
      });
    const before = await counts();
    await expect(
      inTenant(async (tx) => {
        await changeCaseStatus(tx, deskA, { caseId: c.id, status: 'in-progress' });
        throw new Error('the request failed afterwards');
      }),
    ).rejects.toThrow('the request failed afterwards');
    expect(await counts()).toEqual(before);
  });

  it('can require a satisfaction rating before closing', async () => {
    await inTenant((tx) =>
      saveCaseSettings(tx, admin, {
        numberPrefix: 'XH',
        requireSatisfactionToClose: true,
        dueSoonWorkingDays: 2,
        defaultWorkingDays: 15,
      }),
    );
    try {
      const c = await intake(deskA);
      for (const status of ['in-progress', 'resolved'] as const) {
        await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status }));
      }
      await inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: '已电话告知' }));
      expect(
        await refusal(inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }))),
      ).toMatchObject({
        key: 'case.satisfaction_required',
      });
      await inTenant((tx) =>
        recordSatisfaction(tx, deskA, { caseId: c.id, score: 5, comment: '很满意，调解员耐心' }),
      );
      expect(
        await refusal(inTenant((tx) => recordSatisfaction(tx, deskA, { caseId: c.id, score: 1 }))),
      ).toMatchObject({
        key: 'case.satisfaction_recorded',
      });
      expect(
        (await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status: 'closed' }))).status,
      ).toBe('closed');
      expect((await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }))).satisfaction).toEqual({
        score: 5,
        comment: '很满意，调解员耐心',
        source: 'staff',
      });
    } finally {
      await inTenant((tx) =>
        saveCaseSettings(tx, admin, {
          numberPrefix: 'XH',
          requireSatisfactionToClose: false,
          dueSoonWorkingDays: 2,
          defaultWorkingDays: 15,
        }),
      );
    }
  });

  it('records feedback by the resident’s contact preference, another way only with a reason', async () => {
    const c = await intake(deskA, {
      resident: { name: '赵女士', phone: newPhone(), contactPreference: 'sms' },
    });
    for (const status of ['in-progress', 'resolved'] as const) {
      await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status }));
    }
    expect(
      await refusal(
        inTenant((tx) =>
          recordResidentFeedback(tx, deskA, { caseId: c.id, method: 'visit', summary: '上门告知' }),
        ),
      ),
    ).toMatchObject({ key: 'case.feedback_method_differs', params: { preference: 'sms' } });
    await inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: '短信告知结果' }));
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.feedback[0]).toMatchObject({ method: 'sms', summary: '短信告知结果' });
  });
});

describe('routing and scope', () => {
  it('keeps a station’s cases from another station, not from the centre above both', async () => {
    const c = await intake(deskA);
    expect(await refusal(inTenant((tx) => getCase(tx, deskB, { caseId: c.id })))).toMatchObject({
      kind: 'not-found',
    });
    const seenByB = await inTenant((tx) => findCases(tx, deskB, box, { limit: 200 }));
    expect(seenByB.cases.map((x) => x.id)).not.toContain(c.id);
    expect((await inTenant((tx) => getCase(tx, centreDesk, { caseId: c.id }))).id).toBe(c.id);
    expect(
      await refusal(inTenant((tx) => addCaseNote(tx, deskB, { caseId: c.id, text: '越权' }))),
    ).toMatchObject({
      kind: 'not-found',
    });
  });

  it('offers as assignees the staff who work matters at the case’s unit, and only to who may assign', async () => {
    const c = await intake(deskA);
    const offered = await inTenant((tx) => listCaseAssignees(tx, headA, { caseId: c.id }));
    const ids = offered.map((person) => person.id);
    // The station's own people and the centre's case workers above it; not the other station's desk.
    expect(ids).toEqual(
      expect.arrayContaining([d.people.headA, d.people.deskA, d.people.desk, d.people.withPhone]),
    );
    expect(ids).not.toContain(d.people.deskB);
    expect(offered.find((person) => person.id === d.people.withPhone)?.roles).toEqual(['lawyer']);
    // The case names its people and units for readers who cannot read the staff list.
    await inTenant((tx) => assignCase(tx, headA, { caseId: c.id, assigneeId: d.people.withPhone }));
    expect((await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }))).names).toMatchObject({
      firstResponder: 'desk-a',
      assignee: 'lawyer',
      receivedAt: { nameZh: expect.any(String) },
      current: { nameZh: expect.any(String) },
    });
    expect(await refusal(inTenant((tx) => listCaseAssignees(tx, deskB, { caseId: c.id })))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('transfers with a reason; the first responder still sees the case, the old station no longer does', async () => {
    const c = await intake(deskA);
    await inTenant((tx) => assignCase(tx, headA, { caseId: c.id, assigneeId: d.people.headA }));
    expect(
      await refusal(
        inTenant((tx) =>
          transferCase(tx, headA, { caseId: c.id, organisationId: d.organisations.stationB, reason: '' }),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'validation.required', field: 'reason' });
    const moved = await inTenant((tx) =>
      transferCase(tx, headA, {
        caseId: c.id,
        organisationId: d.organisations.stationB,
        reason: '纠纷发生地在乙街道',
      }),
    );
    expect(moved).toMatchObject({ currentOrganisationId: d.organisations.stationB, assigneeId: null });
    // The head of A was neither first responder nor assignee any more: the case left their view.
    expect(await refusal(inTenant((tx) => getCase(tx, headA, { caseId: c.id })))).toMatchObject({
      kind: 'not-found',
    });
    const mine = await inTenant((tx) => findCases(tx, deskA, box, { queue: 'first-responder', limit: 200 }));
    expect(mine.cases.map((x) => x.id)).toContain(c.id);
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.timeline.at(-1)).toMatchObject({ kind: 'transferred', text: '纠纷发生地在乙街道' });
    expect(
      (await inTenant((tx) => findCases(tx, deskB, box, { queue: 'unit', limit: 200 }))).cases.map(
        (x) => x.id,
      ),
    ).toContain(c.id);
    // Transferring is managing: the first responder, a desk officer of A, cannot move it back.
    expect(
      await refusal(
        inTenant((tx) =>
          transferCase(tx, deskA, { caseId: c.id, organisationId: d.organisations.stationA, reason: '退回' }),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('queues: mine, first-responder, awaiting feedback', async () => {
    const c = await intake(deskA);
    await inTenant((tx) => assignCase(tx, headA, { caseId: c.id, assigneeId: d.people.deskA }));
    const ids = async (queue: 'mine' | 'first-responder' | 'awaiting-feedback', actor = deskA) =>
      (await inTenant((tx) => findCases(tx, actor, box, { queue, limit: 200 }))).cases.map((x) => x.id);
    expect(await ids('mine')).toContain(c.id);
    for (const status of ['in-progress', 'resolved'] as const) {
      await inTenant((tx) => changeCaseStatus(tx, deskA, { caseId: c.id, status }));
    }
    expect(await ids('mine')).not.toContain(c.id);
    expect(await ids('first-responder')).toContain(c.id);
    expect(await ids('awaiting-feedback', headA)).toContain(c.id);
    await inTenant((tx) => recordResidentFeedback(tx, deskA, { caseId: c.id, summary: '已告知' }));
    expect(await ids('first-responder')).not.toContain(c.id);
  });

  it('searches by number, phone, ID number, Chinese text, status and date, a page at a time', async () => {
    const phone = newPhone();
    const c = await intake(deskA, {
      resident: { name: '孙师傅', phone, idNumber: ID_2 },
      description: '农民工讨薪：工地拖欠三个月工资共计两万元',
    });
    const search = (q: Parameters<typeof findCases>[3]) =>
      inTenant((tx) => findCases(tx, headA, box, q)).then((r) => r.cases.map((x) => x.id));
    expect(await search({ number: c.number })).toEqual([c.id]);
    expect(await search({ phone })).toEqual([c.id]);
    expect(await search({ idNumber: ID_2 })).toEqual([c.id]);
    expect(await search({ text: '拖欠三个月' })).toEqual([c.id]);
    expect(await search({ text: '拖欠三个月', status: ['closed'] })).toEqual([]);
    expect(await search({ text: '拖欠三个月', receivedFrom: new Date(Date.now() + 3_600_000) })).toEqual([]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await inTenant((tx) => findCases(tx, headA, box, { limit: 3, cursor }));
      seen.push(...page.cases.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await inTenant((tx) => findCases(tx, headA, box, { limit: 200 }));
    expect(seen).toEqual(all.cases.map((x) => x.id));
    expect(new Set(seen).size).toBe(seen.length);
    // Ordered by due date on request, still a page at a time without gaps or repeats.
    const byDue: string[] = [];
    let dueCursor: string | undefined;
    do {
      const page = await inTenant((tx) =>
        findCases(tx, headA, box, { limit: 3, sort: 'due', cursor: dueCursor }),
      );
      byDue.push(...page.cases.map((x) => `${x.dueOn}|${x.id}`));
      dueCursor = page.nextCursor ?? undefined;
    } while (dueCursor);
    expect(byDue).toEqual([...byDue].sort());
    expect(byDue).toHaveLength(all.cases.filter((x) => x.dueOn !== null).length);
    expect(byDue.length).toBeGreaterThan(3);
  });

  it('pages through a word found in more cases than a page, narrowed or not, newest first', async () => {
    const word = `噪音扰民${randomBytes(3).readUIntBE(0, 3)}`;
    const made = [];
    for (let i = 0; i < 7; i++) {
      const station = i % 2 ? {} : { organisationId: d.organisations.stationB };
      made.push(
        await intake(i % 2 ? deskA : deskB, { description: `楼上${word}，第${i}次投诉`, ...station }),
      );
    }
    // The centre's desk officer sees both stations' cases; the station head only station A's.
    for (const [actor, expected] of [
      [centreDesk, made],
      [headA, made.filter((_, i) => i % 2)],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await inTenant((tx) => findCases(tx, actor, box, { text: word, limit: 2, cursor }));
        seen.push(...page.cases.map((x) => x.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const all = await inTenant((tx) => findCases(tx, actor, box, { limit: 200 }));
      const newestFirst = all.cases.map((x) => x.id).filter((id) => expected.some((m) => m.id === id));
      expect(seen).toEqual(newestFirst);
      expect(seen).toHaveLength(expected.length);
    }
    // Letters match whatever their case (ILIKE); the rest byte for byte (LIKE, the same matches).
    const latin = await intake(deskA, { description: `Tenant of Flat ${word.slice(4)}B` });
    const search = (text: string) =>
      inTenant((tx) => findCases(tx, headA, box, { text })).then((r) => r.cases.map((x) => x.id));
    expect(await search(`flat ${word.slice(4)}b`)).toEqual([latin.id]);
    expect(await search(`${word}，第3次`)).toEqual([made[3]?.id]);
  });
});

describe('the clock', () => {
  it('shows cases due soon and overdue to the station head, and pauses while waiting for the resident', async () => {
    await inTenant((tx) =>
      setTimeLimit(tx, admin, { serviceType: TEST_SERVICE, category: 'debts', workingDays: 1 }),
    );
    const soon = await intake(deskA, { category: 'debts' });
    const late = await intake(deskA, {
      category: 'debts',
      receivedAt: new Date(Date.now() - 40 * 86_400_000),
    });
    expect(soon.limitWorkingDays).toBe(1);
    const queue = async (q: 'due-soon' | 'overdue') =>
      (await inTenant((tx) => findCases(tx, headA, box, { queue: q, limit: 200 }))).cases.map((x) => x.id);
    expect(await queue('due-soon')).toContain(soon.id);
    expect(await queue('overdue')).toContain(late.id);
    expect(await queue('overdue')).not.toContain(soon.id);
    // Another station's head does not see them.
    const headB = {
      ...headA,
      id: null,
      grants: [
        {
          role: 'station-head' as const,
          organisationPath: `/${d.organisations.centreId}/${d.organisations.stationB}/`,
        },
      ],
    };
    expect(
      (await inTenant((tx) => findCases(tx, headB, box, { queue: 'overdue', limit: 200 }))).cases.map(
        (x) => x.id,
      ),
    ).not.toContain(late.id);

    const paused = await inTenant((tx) =>
      setWaitingForResident(tx, deskA, { caseId: late.id, waiting: true, note: '等待当事人补充借条' }),
    );
    expect(paused).toMatchObject({ waitingForResident: true, dueOn: null });
    expect(await queue('overdue')).not.toContain(late.id);
    expect(
      await refusal(inTenant((tx) => setWaitingForResident(tx, deskA, { caseId: late.id, waiting: true }))),
    ).toMatchObject({
      key: 'case.already_waiting',
    });
    const resumed = await inTenant((tx) =>
      setWaitingForResident(tx, deskA, { caseId: late.id, waiting: false }),
    );
    expect(resumed).toMatchObject({ waitingForResident: false, dueOn: late.dueOn }); // resumed the same day: no days added
  });

  it('takes the new limit at triage', async () => {
    await inTenant((tx) =>
      setTimeLimit(tx, admin, { serviceType: TEST_SERVICE, category: 'family', workingDays: 30 }),
    );
    const c = await intake(deskA, { serviceType: 'undecided', category: null });
    expect(c.limitWorkingDays).toBe(15);
    const triaged = await inTenant((tx) =>
      triageCase(tx, deskA, { caseId: c.id, serviceType: TEST_SERVICE, category: 'family' }),
    );
    expect(triaged).toMatchObject({ status: 'triaged', limitWorkingDays: 30 });
    expect(triaged.dueOn && c.dueOn && triaged.dueOn > c.dueOn).toBe(true);
  });
});

describe('conflict check', () => {
  it('warns when the assignee acted for the adverse party elsewhere, and proceeds with a reason', async () => {
    const earlier = await intake(centreDesk, {
      organisationId: d.organisations.centreId,
      resident: { name: '周某', phone: newPhone(), idNumber: ID_3 },
    });
    await inTenant((tx) => assignCase(tx, admin, { caseId: earlier.id, assigneeId: d.people.withPhone }));
    const now = await intake(centreDesk, {
      organisationId: d.organisations.centreId,
      parties: [{ role: 'adverse', name: '周某', idNumber: ID_3 }],
    });
    const refused = await refusal(
      inTenant((tx) => assignCase(tx, admin, { caseId: now.id, assigneeId: d.people.withPhone })),
    );
    expect(refused).toMatchObject({
      kind: 'conflict',
      key: 'case.conflict_of_interest',
      field: 'conflictReason',
      params: { cases: earlier.number },
    });
    const assigned = await inTenant((tx) =>
      assignCase(tx, admin, {
        caseId: now.id,
        assigneeId: d.people.withPhone,
        conflictReason: '前案仅为法律咨询，已征得双方同意',
      }),
    );
    expect(assigned.conflicts).toEqual([
      { caseId: earlier.id, number: earlier.number, relation: 'acted-for', partyName: '周某' },
    ]);
    const page = await inTenant((tx) => getCase(tx, centreDesk, { caseId: now.id }));
    expect(page.timeline.at(-1)).toMatchObject({
      kind: 'assigned',
      text: '前案仅为法律咨询，已征得双方同意',
    });
  });

  it('warns when the assignee acted against this case’s resident', async () => {
    const resident = { name: '钱女士', phone: newPhone() };
    const earlier = await intake(centreDesk, { organisationId: d.organisations.centreId });
    await inTenant((tx) =>
      addCaseParty(tx, centreDesk, box, { caseId: earlier.id, role: 'adverse', name: '钱女士' }),
    );
    await inTenant((tx) => assignCase(tx, admin, { caseId: earlier.id, assigneeId: d.people.headA }));
    const now = await intake(centreDesk, { organisationId: d.organisations.centreId, resident });
    expect(
      await refusal(inTenant((tx) => assignCase(tx, admin, { caseId: now.id, assigneeId: d.people.headA }))),
    ).toMatchObject({
      key: 'case.conflict_of_interest',
    });
    // Someone with no history with these people is assigned without a word.
    const clean = await inTenant((tx) =>
      assignCase(tx, admin, { caseId: now.id, assigneeId: d.people.deskB }),
    );
    expect(clean.conflicts).toEqual([]);
  });
});

describe('chains, joint consultation, documents', () => {
  it('links cases into a chain seen whole from any link', async () => {
    const mediation = await intake(deskA);
    const confirmation = await intake(deskA, { description: '调解协议申请司法确认' });
    const aid = await intake(centreDesk, {
      organisationId: d.organisations.centreId,
      serviceType: 'undecided',
      // A matter whose service is not decided has no category yet.
      category: null,
      description: '协议需要公证',
    });
    // Linked to nothing yet: the chain is the case alone, as its reader may see it.
    expect(await inTenant((tx) => getCaseChain(tx, deskA, { caseId: mediation.id }))).toEqual({
      cases: [
        {
          id: mediation.id,
          number: mediation.number,
          serviceType: mediation.serviceType,
          status: 'received',
          restricted: false,
          currentOrganisationId: d.organisations.stationA,
          receivedAt: expect.any(Date),
        },
      ],
      links: [],
    });
    await inTenant((tx) =>
      linkCases(tx, headA, {
        fromCaseId: mediation.id,
        toCaseId: confirmation.id,
        kind: 'judicial-confirmation',
      }),
    );
    await inTenant((tx) =>
      linkCases(tx, admin, { fromCaseId: confirmation.id, toCaseId: aid.id, kind: 'notarization' }),
    );
    expect(
      await refusal(
        inTenant((tx) =>
          linkCases(tx, headA, { fromCaseId: mediation.id, toCaseId: confirmation.id, kind: 'other' }),
        ),
      ),
    ).toMatchObject({ key: 'case.already_linked' });
    const fromEnd = await inTenant((tx) => getCaseChain(tx, admin, { caseId: aid.id }));
    expect(fromEnd.cases.map((c) => c.id).sort()).toEqual([mediation.id, confirmation.id, aid.id].sort());
    expect(fromEnd.links).toHaveLength(2);
    // Station A's head sees the centre's case in the chain by number and status only.
    const fromStation = await inTenant((tx) => getCaseChain(tx, headA, { caseId: mediation.id }));
    expect(fromStation.cases.find((c) => c.id === aid.id)).toEqual({
      id: aid.id,
      number: aid.number,
      serviceType: 'undecided',
      status: 'received',
      restricted: true,
    });
  });

  it('holds a joint consultation with notes and attendees', async () => {
    const c = await intake(deskA);
    await inTenant((tx) =>
      holdJointConsultation(tx, headA, {
        caseId: c.id,
        heldAt: new Date(),
        services: [TEST_SERVICE, SECOND_TEST_SERVICE],
        notes: '三方会商：先行调解，调解不成转法律援助',
        attendees: [
          { staffMemberId: d.people.headA, capacity: '主持' },
          { name: '社区民警 王警官', capacity: '公安' },
        ],
      }),
    );
    const page = await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }));
    expect(page.consultations[0]).toMatchObject({
      services: [TEST_SERVICE, SECOND_TEST_SERVICE],
      attendees: [
        { staffMemberId: d.people.headA, name: 'head-a', capacity: '主持' },
        { staffMemberId: null, name: '社区民警 王警官', capacity: '公安' },
      ],
    });
    expect(page.timeline.at(-1)?.kind).toBe(JOINT_CONSULTATION_EVENT);
  });

  it('attaches a document with its hash and refuses an oversized file or a mismatched type', async () => {
    const c = await intake(deskA);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('调解协议书')]);
    const doc = await inTenant((tx) =>
      attachDocument(tx, deskA, files, {
        caseId: c.id,
        fileName: '调解协议书.pdf',
        contentType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      }),
    );
    expect(doc).toMatchObject({
      sizeBytes: pdf.length,
      sha256: (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'),
    });
    const back = await inTenant((tx) => readDocument(tx, deskA, files, { caseId: c.id, documentId: doc.id }));
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(pdf);

    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x25);
    expect(
      await refusal(
        inTenant((tx) =>
          attachDocument(tx, deskA, files, {
            caseId: c.id,
            fileName: 'big.txt',
            contentType: 'text/plain',
            contentBase64: big.toString('base64'),
          }),
        ),
      ),
    ).toBeDefined();
    expect(
      await refusal(
        inTenant((tx) =>
          attachDocument(tx, deskA, files, {
            caseId: c.id,
            fileName: 'x.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.from('MZ…').toString('base64'),
          }),
        ),
      ),
    ).toMatchObject({ key: 'case.document_content_mismatch' });
    expect(
      await refusal(
        inTenant((tx) =>
          attachDocument(tx, deskA, files, {
            caseId: c.id,
            fileName: 'x.exe',
            contentType: 'application/x-msdownload',
            contentBase64: 'TVo=',
          }),
        ),
      ),
    ).toMatchObject({ key: 'case.document_type_not_allowed' });
    // A type named like an object's own property is no type either (it once crashed the lookup).
    for (const contentType of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(
        await refusal(
          inTenant((tx) =>
            attachDocument(tx, deskA, files, {
              caseId: c.id,
              fileName: 'x.txt',
              contentType,
              contentBase64: 'aGk=',
            }),
          ),
        ),
        contentType,
      ).toMatchObject({ key: 'case.document_type_not_allowed' });
    }
    expect((await inTenant((tx) => getCase(tx, deskA, { caseId: c.id }))).documents).toHaveLength(1);
  });
});
