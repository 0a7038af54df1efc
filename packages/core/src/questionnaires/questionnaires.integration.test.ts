import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { localDate } from '../calendar/working-days.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { recordConsent } from '../cases/resident-consent.ts';
import { recordResidentFeedback } from '../cases/resident-feedback.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { openQuestionnaireForAnswers, submitAnswers } from './questionnaire-answers.ts';
import { closeRound, openRound } from './questionnaire-rounds.ts';
import {
  createQuestionnaire,
  getQuestionnaire,
  listQuestionnaires,
  reviseQuestionnaire,
  updateQuestionnaire,
} from './questionnaire-service.ts';
import { exportRoundXlsx, getRoundSummary } from './questionnaire-summary.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let bureau: Actor;
let headA: Actor;
let deskA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>, tenantId = d.tenantId) =>
  withTenant(app.db, tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return { kind: error.kind, key: error.message, field: error.field, params: error.params };
};
const today = localDate(new Date(), 'Asia/Shanghai');
const month = today.slice(0, 7);
const inDays = (days: number) => localDate(new Date(Date.now() + days * 86_400_000), 'Asia/Shanghai');

const SATISFACTION = {
  title: '公共法律服务满意度调查',
  intro: '感谢您抽出两分钟时间。',
  questions: [
    {
      kind: 'single' as const,
      text: '您通过什么渠道来办事？',
      required: true,
      options: ['窗口', '热线', '网上'],
    },
    { kind: 'multiple' as const, text: '哪些方面让您满意？', options: ['态度', '效率', '专业', '环境'] },
    { kind: 'scale' as const, text: '总体满意程度', required: true },
    { kind: 'text' as const, text: '意见和建议' },
  ],
};

let n = 0;
/** A case at `organisationId` taken all the way to closed, its resident consenting to contact or not. */
async function closedCase(organisationId: string, consent: boolean) {
  const actor = systemActor(d.tenantId, 'test');
  return inTenant(async (tx) => {
    const c = await intakeCase(tx, actor, box, {
      channel: 'walk-in',
      resident: {
        name: `孙${n}`,
        phone: `135${String(50_000_000 + n++).slice(-8)}`,
        contactPreference: 'phone',
      },
      serviceType: TEST_SERVICE,
      description: '邻里噪音纠纷',
      organisationId,
    });
    for (const status of ['in-progress', 'resolved'] as const)
      await changeCaseStatus(tx, actor, { caseId: c.id, status });
    await recordResidentFeedback(tx, actor, { caseId: c.id, summary: '电话告知结果' });
    if (consent) await recordConsent(tx, actor, { caseId: c.id, purpose: 'feedback-contact' });
    await changeCaseStatus(tx, actor, { caseId: c.id, status: 'closed' });
    return c;
  });
}

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'survey');
  other = await createTestDistrict(app.db, box, 'survey-other');
  bureau = systemActor(d.tenantId, 'bureau');
  [headA, deskA] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.headA),
    actorOf(app.db, d.tenantId, d.people.deskA),
  ]);
});
afterAll(() => app.close());

describe('defining a questionnaire', () => {
  it('keeps the four kinds of question with their required flags, numbered by position', async () => {
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, headA, { organisationId: d.organisations.stationA, ...SATISFACTION }),
    );
    const q = await inTenant((tx) => getQuestionnaire(tx, headA, { id }));
    expect(q.questions.map((x) => [x.id, x.kind, x.required, x.options?.length ?? 0])).toEqual([
      ['q1', 'single', true, 3],
      ['q2', 'multiple', false, 4],
      ['q3', 'scale', true, 0],
      ['q4', 'text', false, 0],
    ]);
    expect(q.frozenAt).toBeNull();
  });

  it('refuses a choice question with fewer than two options, naming the field', async () => {
    const error = await inTenant((tx) =>
      createQuestionnaire(tx, headA, {
        organisationId: d.organisations.stationA,
        title: '缺选项',
        questions: [{ kind: 'single', text: '是否满意？', options: ['是'] }],
      }),
    ).catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('questionnaire.options_needed');
  });

  it('lets only managers of the unit define one: a desk officer, or a station head for another station, is refused', async () => {
    const input = { organisationId: d.organisations.stationB, ...SATISFACTION };
    expect((await refusal(inTenant((tx) => createQuestionnaire(tx, headA, input)))).key).toBe(
      'auth.forbidden',
    );
    expect(
      (
        await refusal(
          inTenant((tx) =>
            createQuestionnaire(tx, deskA, { ...input, organisationId: d.organisations.stationA }),
          ),
        )
      ).key,
    ).toBe('auth.forbidden');
    const { id } = await inTenant((tx) => createQuestionnaire(tx, bureau, input));
    expect((await refusal(inTenant((tx) => getQuestionnaire(tx, headA, { id })))).key).toBe('auth.forbidden');
    expect((await inTenant((tx) => listQuestionnaires(tx, headA))).map((q) => q.id)).not.toContain(id);
  });
});

describe('sending a questionnaire', () => {
  it('freezes it: its questions cannot change once sent, a change is a new version', async () => {
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, headA, { organisationId: d.organisations.stationA, ...SATISFACTION }),
    );
    await inTenant((tx) =>
      updateQuestionnaire(tx, headA, { id, data: { ...SATISFACTION, title: '满意度调查（修订）' } }),
    );
    await inTenant((tx) =>
      openRound(tx, headA, { questionnaireId: id, opensOn: today, closesOn: inDays(7), publicLink: true }),
    );
    const frozen = await refusal(
      inTenant((tx) => updateQuestionnaire(tx, headA, { id, data: SATISFACTION })),
    );
    expect(frozen).toMatchObject({ kind: 'conflict', key: 'questionnaire.frozen', params: { version: 1 } });

    const v2 = await inTenant((tx) => reviseQuestionnaire(tx, headA, { id }));
    expect(v2.version).toBe(2);
    const revised = await inTenant((tx) => getQuestionnaire(tx, headA, { id: v2.id }));
    expect(revised).toMatchObject({ title: '满意度调查（修订）', previousId: id, frozenAt: null });
    await inTenant((tx) => updateQuestionnaire(tx, headA, { id: v2.id, data: SATISFACTION }));
    expect((await refusal(inTenant((tx) => reviseQuestionnaire(tx, headA, { id })))).key).toBe(
      'questionnaire.already_revised',
    );
    expect(
      (
        await refusal(
          inTenant((tx) =>
            openRound(tx, headA, { questionnaireId: id, opensOn: today, closesOn: today, publicLink: true }),
          ),
        )
      ).key,
    ).toBe('questionnaire.superseded');
  });

  it('invites, once each, the consenting residents of the cases closed at the unit in the month', async () => {
    const atA = await closedCase(d.organisations.stationA, true);
    const atRoomA = await closedCase(d.organisations.roomA, true);
    await closedCase(d.organisations.stationA, false); // no consent to be contacted
    await closedCase(d.organisations.stationB, true); // another station
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, headA, { organisationId: d.organisations.stationA, ...SATISFACTION }),
    );
    const round = await inTenant((tx) =>
      openRound(tx, headA, {
        questionnaireId: id,
        opensOn: today,
        closesOn: inDays(14),
        audience: { organisationId: d.organisations.stationA, month },
      }),
    );
    expect(round.invited).toBe(2);
    expect(round.codes.map((c) => c.caseNumber).sort()).toEqual([atA.number, atRoomA.number].sort());
    expect(round.publicToken).toBeNull();
    // Only hashes are kept: no code appears in the database.
    const stored = await app.db
      .select()
      .from(schema.questionnaireAccess)
      .where(eq(schema.questionnaireAccess.roundId, round.id));
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(round.codes[0]?.code.replace('-', '') ?? 'x');
  });
});

describe('answering on the public page', () => {
  let roundId: string;
  let codes: string[];
  let link: string;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await closedCase(d.organisations.stationB, true);
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, bureau, { organisationId: d.organisations.stationB, ...SATISFACTION }),
    );
    const round = await inTenant((tx) =>
      openRound(tx, bureau, {
        questionnaireId: id,
        opensOn: today,
        closesOn: inDays(7),
        audience: { organisationId: d.organisations.stationB, month },
        publicLink: true,
      }),
    );
    roundId = round.id;
    codes = round.codes.map((c) => c.code);
    link = round.publicToken ?? '';
    // One resident from the earlier test at station B was invited too.
    expect(codes).toHaveLength(4);
  });

  it('shows the questionnaire to a code holder without sign-in', async () => {
    const opened = await openQuestionnaireForAnswers(app.db, (codes[0] ?? '').toLowerCase(), '10.1.0.1');
    expect(opened).toMatchObject({
      title: SATISFACTION.title,
      via: 'code',
      tenantNameZh: expect.stringContaining('survey'),
    });
    expect(opened.questions).toHaveLength(4);
  });

  it('refuses a missing required answer and an invalid one, naming the question, and keeps the code usable', async () => {
    const code = codes[0] ?? '';
    const missing = await refusal(
      submitAnswers(app.db, { code, answers: [{ questionId: 'q1', options: [0] }] }, '10.1.0.2'),
    );
    expect(missing).toMatchObject({
      key: 'questionnaire.answer_required',
      field: 'answers.q3',
      params: { number: 3 },
    });
    const twoForSingle = await refusal(
      submitAnswers(
        app.db,
        {
          code,
          answers: [
            { questionId: 'q1', options: [0, 1] },
            { questionId: 'q3', scale: 4 },
          ],
        },
        '10.1.0.2',
      ),
    );
    expect(twoForSingle).toMatchObject({ key: 'questionnaire.answer_invalid', params: { number: 1 } });
    const outOfScale = await refusal(
      submitAnswers(
        app.db,
        {
          code,
          answers: [
            { questionId: 'q1', options: [0] },
            { questionId: 'q3', scale: 6 },
          ],
        },
        '10.1.0.2',
      ),
    );
    expect(outOfScale.key).toBe('questionnaire.answer_invalid');
    await openQuestionnaireForAnswers(app.db, code, '10.1.0.2');
  });

  it('takes a one-time code once: two submissions race to one winner, later ones are told it was used', async () => {
    const code = codes[0] ?? '';
    const answers = [
      { questionId: 'q1', options: [0] },
      { questionId: 'q2', options: [2, 0] },
      { questionId: 'q3', scale: 5 },
      { questionId: 'q4', text: '调解员很耐心' },
    ];
    const results = await Promise.allSettled([
      submitAnswers(app.db, { code, answers }, '10.1.0.3'),
      submitAnswers(app.db, { code, answers }, '10.1.0.4'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await refusal(submitAnswers(app.db, { code, answers }, '10.1.0.3'))).key).toBe(
      'questionnaire.code_used',
    );
    expect((await refusal(openQuestionnaireForAnswers(app.db, code, '10.1.0.3'))).key).toBe(
      'questionnaire.code_used',
    );
  });

  it('summarises known answers: counts per option, the scale mean, the response rate and the texts', async () => {
    await submitAnswers(
      app.db,
      {
        code: codes[1] ?? '',
        answers: [
          { questionId: 'q1', options: [1] },
          { questionId: 'q2', options: [0] },
          { questionId: 'q3', scale: 4 },
        ],
      },
      '10.1.0.5',
    );
    await submitAnswers(
      app.db,
      {
        code: link,
        answers: [
          { questionId: 'q1', options: [2] },
          { questionId: 'q3', scale: 2 },
          { questionId: 'q4', text: '希望延长开放时间' },
        ],
      },
      '10.1.0.6',
    );
    const summary = await inTenant((tx) => getRoundSummary(tx, bureau, { id: roundId }));
    expect(summary).toMatchObject({
      invited: 4,
      responses: 3,
      responsesByCode: 2,
      responsesByLink: 1,
      responseRate: 0.5,
    });
    const [q1, q2, q3, q4] = summary.questions;
    expect(q1?.options.map((o) => o.count)).toEqual([1, 1, 1]);
    expect(q2).toMatchObject({ answered: 2 });
    expect(q2?.options.map((o) => o.count)).toEqual([2, 0, 1, 0]);
    expect(q3).toMatchObject({ answered: 3, mean: 3.67, points: [0, 1, 0, 1, 1] });
    expect(q4?.texts).toEqual(['调解员很耐心', '希望延长开放时间']);
  });

  it('exports the round as a workbook whose figures match the summary', async () => {
    const file = await inTenant((tx) => exportRoundXlsx(tx, bureau, { id: roundId }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const figures = workbook.getWorksheet('汇总');
    const figureOf = (label: string) => {
      let value: unknown;
      figures?.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(figureOf('答卷数')).toBe(3);
    expect(figureOf('回复率')).toBe(0.5);
    expect(workbook.getWorksheet('答卷')?.rowCount).toBe(4);
  });

  it('takes at most 5 submissions per address through the public link in a quarter hour', async () => {
    const answers = [
      { questionId: 'q1', options: [0] },
      { questionId: 'q3', scale: 3 },
    ];
    for (let i = 0; i < 5; i++) await submitAnswers(app.db, { code: link, answers }, '10.2.0.1');
    expect((await refusal(submitAnswers(app.db, { code: link, answers }, '10.2.0.1'))).kind).toBe(
      'throttled',
    );
    await submitAnswers(app.db, { code: link, answers }, '10.2.0.2');
  });

  it('keeps exactly 5 of 12 submissions sent through the link at once from one address', async () => {
    const answers = [
      { questionId: 'q1', options: [0] },
      { questionId: 'q3', scale: 3 },
    ];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => submitAnswers(app.db, { code: link, answers }, '10.2.0.9')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(5);
  });

  it('refuses unknown codes, and answers once the round is closed', async () => {
    expect((await refusal(openQuestionnaireForAnswers(app.db, 'AAAAA-AAAAA', '10.3.0.1'))).key).toBe(
      'questionnaire.code_invalid',
    );
    await inTenant((tx) => closeRound(tx, bureau, { id: roundId }));
    const closed = await refusal(
      submitAnswers(
        app.db,
        {
          code: codes[2] ?? '',
          answers: [
            { questionId: 'q1', options: [0] },
            { questionId: 'q3', scale: 3 },
          ],
        },
        '10.3.0.2',
      ),
    );
    expect(closed.key).toBe('questionnaire.round_closed');
  });

  it('does not open a round before its first day', async () => {
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, bureau, { organisationId: d.organisations.stationB, ...SATISFACTION }),
    );
    const later = await inTenant((tx) =>
      openRound(tx, bureau, {
        questionnaireId: id,
        opensOn: inDays(3),
        closesOn: inDays(10),
        publicLink: true,
      }),
    );
    const early = await refusal(openQuestionnaireForAnswers(app.db, later.publicToken ?? '', '10.3.0.3'));
    expect(early).toMatchObject({ key: 'questionnaire.round_not_open', params: { opensOn: inDays(3) } });
  });
});

describe('tenancy', () => {
  it('shows another district nothing: its questionnaires and rounds are not found there', async () => {
    const { id } = await inTenant((tx) =>
      createQuestionnaire(tx, bureau, { organisationId: d.organisations.stationA, ...SATISFACTION }),
    );
    const round = await inTenant((tx) =>
      openRound(tx, bureau, { questionnaireId: id, opensOn: today, closesOn: today, publicLink: true }),
    );
    const otherBureau = systemActor(other.tenantId, 'other bureau');
    const inOther = <T>(fn: (tx: TenantTx) => Promise<T>) => inTenant(fn, other.tenantId);
    expect((await refusal(inOther((tx) => getQuestionnaire(tx, otherBureau, { id })))).key).toBe(
      'questionnaire.not_found',
    );
    expect((await refusal(inOther((tx) => getRoundSummary(tx, otherBureau, { id: round.id })))).key).toBe(
      'questionnaire.round_not_found',
    );
    expect(await inOther((tx) => listQuestionnaires(tx, otherBureau))).toEqual([]);
  });
});
