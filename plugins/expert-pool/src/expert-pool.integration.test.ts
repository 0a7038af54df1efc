import { sql } from '@linju/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let deskA: AppCaller;
let deskB: AppCaller;
let expertLawyer: AppCaller;
let otherExpert: AppCaller;
// Filled in order by the tests below, each of which builds on the one before.
const ids = {} as Record<
  'withAccount' | 'withoutAccount' | 'paused' | 'left' | 'other' | 'caseA' | 'caseB' | 'requestB',
  string
>;

const QUESTION = '业主以漏水未修为由拒交物业费两年，物业公司能否起诉？诉讼时效如何计算？';
const expert = (
  name: string,
  kind: 'lawyer' | 'scholar' | 'retired-judge' | 'mediator',
  extra: { staffId?: string; availability?: 'available' | 'paused' | 'left'; pausedUntil?: string } = {},
) => ({
  name,
  kind,
  affiliation: '上海某律师事务所',
  fields: ['property-management', 'contract-debt'] as ('property-management' | 'contract-debt')[],
  availability: extra.availability ?? 'available',
  pausedUntil: extra.pausedUntil ?? null,
  staffId: extra.staffId ?? null,
});
const staffIdOf = async (caller: AppCaller) => (await caller.auth.me())?.user.id ?? '';
const timelineOf = async (caseId: string) => (await admin.case.get({ caseId })).timeline;
const notificationsOf = async (caller: AppCaller) =>
  (await caller.notification.getMany({})).items.map((n) => [n.messageKey, n.caseId]);

beforeAll(async () => {
  ({ district, admin } = await h.district('expert-pool', {
    enable: ['expert-pool', 'consultation', 'appraisal'],
  }));
  deskA = await h.staff(district, 'desk-a');
  deskB = await h.staff(district, 'desk-b');
  // Experts' accounts: lawyers of the centre, who read the district's cases.
  expertLawyer = await h.member(district, 'lawyer', district.organisations.centreId);
  otherExpert = await h.member(district, 'lawyer', district.organisations.centreId);
  const today = (await admin['expert-pool'].pool({})).today;
  const future = `${Number(today.slice(0, 4)) + 1}-01-15`;
  ids.withAccount = (
    await admin['expert-pool'].addExpert(
      expert('王律师', 'lawyer', { staffId: await staffIdOf(expertLawyer) }),
    )
  ).id;
  ids.withoutAccount = (await admin['expert-pool'].addExpert(expert('陈教授', 'scholar'))).id;
  ids.paused = (
    await admin['expert-pool'].addExpert(
      expert('李法官', 'retired-judge', { availability: 'paused', pausedUntil: future }),
    )
  ).id;
  ids.left = (
    await admin['expert-pool'].addExpert(expert('赵调解员', 'mediator', { availability: 'left' }))
  ).id;
  ids.other = (
    await admin['expert-pool'].addExpert(
      expert('周律师', 'lawyer', { staffId: await staffIdOf(otherExpert) }),
    )
  ).id;
  ids.caseA = (
    await admin.case.create({
      channel: 'walk-in',
      resident: { name: '钱先生', phone: '13600000001' },
      serviceType: 'consultation',
      category: 'property-management',
      description: '物业费纠纷',
      organisationId: district.organisations.stationA,
      form: { topic: '物业费', channel: 'walk-in', question: '漏水一直没修，能不能不交物业费？' },
    })
  ).id;
  ids.caseB = (
    await admin.case.create({
      channel: 'walk-in',
      resident: { name: '孙女士', phone: '13600000002' },
      serviceType: 'appraisal',
      category: 'injury-degree',
      description: '被打伤后咨询伤情鉴定',
      organisationId: district.organisations.stationB,
      form: {
        appraisalType: 'injury-degree',
        purpose: 'litigation',
        summary: '与邻居冲突被打伤，左臂骨折，准备起诉',
      },
    })
  ).id;
});
afterAll(() => h.close());

describe('the expert pool', () => {
  it('is kept by the bureau: audited, a pause needs its last day, an account answers for one expert', async () => {
    const audit = await admin.audit.getMany({ objectId: ids.withAccount });
    expect(audit.entries.map((e) => e.action)).toContain('expert-pool.expert.added');
    // Leaving the pool is an edit, audited with what was before.
    const leaving = await admin['expert-pool'].addExpert(expert('吴教授', 'scholar'));
    await admin['expert-pool'].updateExpert({
      id: leaving.id,
      ...expert('吴教授', 'scholar', { availability: 'left' }),
    });
    const [updated] = (await admin.audit.getMany({ objectId: leaving.id })).entries.filter(
      (e) => e.action === 'expert-pool.expert.updated',
    );
    expect(updated).toMatchObject({ before: { availability: 'available' }, after: { availability: 'left' } });
    expect(
      await failure(deskA['expert-pool'].updateExpert({ id: leaving.id, ...expert('吴教授', 'scholar') })),
    ).toMatch(/^FORBIDDEN/);
    const unpaused = await admin['expert-pool']
      .addExpert(expert('钱律师', 'lawyer', { availability: 'paused' }))
      .catch((e: { cause?: { issues?: { path: string[]; message: string }[] } }) => e.cause?.issues);
    expect(unpaused).toEqual([
      expect.objectContaining({ path: ['pausedUntil'], message: 'expert-pool.paused_until_required' }),
    ]);
    expect(
      await failure(
        admin['expert-pool'].addExpert(
          expert('吴律师', 'lawyer', { staffId: await staffIdOf(expertLawyer) }),
        ),
      ),
    ).toBe('CONFLICT expert-pool.account_taken');
    expect(
      await failure(
        admin['expert-pool'].addExpert(
          expert('冯律师', 'lawyer', { staffId: '00000000-0000-4000-8000-000000000000' }),
        ),
      ),
    ).toBe('BAD_REQUEST expert-pool.account_unknown');
    // The accounts to link: the district's staff, for those who keep the pool.
    const { accounts } = await admin['expert-pool'].pool({});
    expect(accounts.map((a) => a.id)).toContain(await staffIdOf(expertLawyer));
    expect((await deskA['expert-pool'].pool({})).accounts).toEqual([]);
    const inspector = await h.member(district, 'inspector', district.organisations.centreId);
    expect(await failure(inspector['expert-pool'].addExpert(expert('郑律师', 'lawyer')))).toMatch(
      /^FORBIDDEN/,
    );
  });
});

describe('研判 on a case', () => {
  it('puts a matter of a case of any service to chosen experts: each request on the timeline, an expert with an account told', async () => {
    const asked = await deskA['expert-pool'].requestOpinion({
      caseId: ids.caseA,
      expertIds: [ids.withAccount, ids.withoutAccount],
      field: 'property-management',
      question: QUESTION,
      workingDays: 5,
    });
    expect(asked.requestIds).toHaveLength(2);
    const onAppraisalCase = await deskB['expert-pool'].requestOpinion({
      caseId: ids.caseB,
      expertIds: [ids.withAccount],
      field: 'tort',
      question: '轻伤二级的认定标准是什么？是否需要先做鉴定再调解？',
      workingDays: 10,
    });
    ids.requestB = onAppraisalCase.requestIds[0] ?? '';
    const requested = (await timelineOf(ids.caseA)).filter(
      (e) => e.data.action === 'expert-pool.opinion.requested',
    );
    expect(requested.map((e) => e.text)).toEqual([
      `提请律师 王律师 出具研判意见（物业纠纷），${asked.dueOn} 前答复。问题：${QUESTION}`,
      `提请法学专家学者 陈教授 出具研判意见（物业纠纷），${asked.dueOn} 前答复。问题：${QUESTION}`,
    ]);
    expect(await notificationsOf(expertLawyer)).toEqual([
      ['expert-pool.notify.requested', ids.caseB],
      ['expert-pool.notify.requested', ids.caseA],
    ]);
    const page = await deskA['expert-pool'].casePage({ caseId: ids.caseA });
    expect(page.requests.map((r) => [r.expertName, r.status, r.dueOn])).toEqual([
      ['王律师', 'open', asked.dueOn],
      ['陈教授', 'open', asked.dueOn],
    ]);
    // Offered: who can be asked today; a paused expert and one who left are not, and are refused.
    expect(page.experts.map((e) => e.name).sort()).toEqual(['周律师', '王律师', '陈教授'].sort());
    for (const id of [ids.paused, ids.left]) {
      expect(
        await failure(
          deskA['expert-pool'].requestOpinion({
            caseId: ids.caseA,
            expertIds: [id],
            field: 'property-management',
            question: QUESTION,
            workingDays: 5,
          }),
        ),
      ).toBe('CONFLICT expert-pool.expert_unavailable');
    }
    expect(
      await failure(
        deskA['expert-pool'].requestOpinion({
          caseId: ids.caseA,
          expertIds: [ids.withAccount],
          field: 'property-management',
          question: QUESTION,
          workingDays: 5,
        }),
      ),
    ).toBe('CONFLICT expert-pool.already_asked');
  });

  it('is refused in another district, where the pool is switched off, and without the permission', async () => {
    const other = await h.district('expert-pool-other', { enable: ['expert-pool'] });
    expect(await failure(other.admin['expert-pool'].casePage({ caseId: ids.caseA }))).toMatch(/^NOT_FOUND/);
    const inspector = await h.member(district, 'inspector', district.organisations.centreId);
    const ask = (caller: AppCaller, caseId: string) =>
      caller['expert-pool'].requestOpinion({
        caseId,
        expertIds: [ids.withoutAccount],
        field: 'other',
        question: QUESTION,
        workingDays: 3,
      });
    expect(await failure(ask(inspector, ids.caseB))).toMatch(/^FORBIDDEN/);
    // Station A's desk does not reach station B's case.
    expect(await failure(ask(deskA, ids.caseB))).toMatch(/^NOT_FOUND/);
    await admin.catalogue.setEnabled({
      organisationId: district.organisations.stationB,
      pluginId: 'expert-pool',
      enabled: false,
    });
    try {
      expect(await failure(ask(deskB, ids.caseB))).toBe('FORBIDDEN plugin.switched_off_at_case');
    } finally {
      await admin.catalogue.setEnabled({
        organisationId: district.organisations.stationB,
        pluginId: 'expert-pool',
        enabled: true,
      });
    }
  });

  it('lets an expert with an account answer only what was put to them; the opinion lands on the timeline', async () => {
    const mine = await expertLawyer['expert-pool'].mine({});
    const request = mine.open.find((r) => r.caseId === ids.caseA);
    expect(request).toMatchObject({ caseNumber: expect.any(String), question: QUESTION, overdue: false });
    const opinion = '物业公司可以起诉。诉讼时效自每期物业费到期之日起分别计算三年（民法典第一百八十八条）。';
    const answerBy = (caller: AppCaller) =>
      caller['expert-pool'].answer({ caseId: ids.caseA, requestId: request?.id ?? '', opinion });
    expect(await failure(answerBy(otherExpert))).toBe('NOT_FOUND expert-pool.not_your_request');
    expect(await failure(answerBy(deskA))).toBe('NOT_FOUND expert-pool.not_your_request');
    expect(await answerBy(expertLawyer)).toMatchObject({ status: 'answered' });
    expect(await failure(answerBy(expertLawyer))).toBe('CONFLICT expert-pool.request_answered');
    // Bureau staff record only for an expert without an account.
    expect(
      await failure(
        admin['expert-pool'].recordOpinion({
          caseId: ids.caseB,
          requestId: ids.requestB,
          opinion,
        }),
      ),
    ).toBe('CONFLICT expert-pool.answers_in_app');
    const forScholar = (await deskA['expert-pool'].casePage({ caseId: ids.caseA })).requests.find(
      (r) => r.expertName === '陈教授',
    );
    expect(
      await failure(
        deskA['expert-pool'].recordOpinion({
          caseId: ids.caseA,
          requestId: forScholar?.id ?? '',
          opinion,
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    await admin['expert-pool'].recordOpinion({
      caseId: ids.caseA,
      requestId: forScholar?.id ?? '',
      opinion: '同意王律师意见，另可先申请人民调解。',
    });
    const given = (await timelineOf(ids.caseA)).filter((e) => e.data.action === 'expert-pool.opinion.given');
    expect(given.map((e) => e.text)).toEqual([
      `律师 王律师：${opinion}`,
      '法学专家学者 陈教授（由 管理员 代为录入）：同意王律师意见，另可先申请人民调解。',
    ]);
    expect(await notificationsOf(deskA)).toContainEqual(['expert-pool.notify.answered', ids.caseA]);
  });

  it('withdraws an open request; it can no longer be answered', async () => {
    await deskB['expert-pool'].withdrawRequest({
      caseId: ids.caseB,
      requestId: ids.requestB,
    });
    const timeline = await timelineOf(ids.caseB);
    expect(timeline.map((e) => e.data.action)).toContain('expert-pool.opinion.withdrawn');
    expect(
      await failure(
        expertLawyer['expert-pool'].answer({
          caseId: ids.caseB,
          requestId: ids.requestB,
          opinion: '轻伤二级需经鉴定确认后方可认定。',
        }),
      ),
    ).toBe('CONFLICT expert-pool.request_withdrawn');
    expect((await expertLawyer['expert-pool'].mine({})).open).toEqual([]);
  });
});

describe('the experts’ load', () => {
  it('shows the bureau each expert’s open, overdue and answered requests and median days; a station only who is in the pool', async () => {
    const asked = await deskA['expert-pool'].requestOpinion({
      caseId: ids.caseA,
      expertIds: [ids.other],
      field: 'contract-debt',
      question: '合同约定的违约金过高，能否请求调整？',
      workingDays: 3,
    });
    // Due yesterday: the district's clock is not moved, the request is.
    await h.asPlugin(district.tenantId, 'expert-pool', (db) =>
      db.query(
        sql`update expert_pool_request set due_on = current_date - 1 where id = ${asked.requestIds[0]}`,
      ),
    );
    const pool = await admin['expert-pool'].pool({ expert: ids.withAccount });
    const load = (name: string) => pool.experts.find((e) => e.name === name)?.load;
    expect(load('王律师')).toEqual({ open: 0, overdue: 0, answeredThisYear: 1, medianDaysToAnswer: 0 });
    expect(load('陈教授')).toEqual({ open: 0, overdue: 0, answeredThisYear: 1, medianDaysToAnswer: 0 });
    expect(load('周律师')).toEqual({ open: 1, overdue: 1, answeredThisYear: 0, medianDaysToAnswer: null });
    expect(pool.answersOf?.answers.map((r) => r.question)).toEqual([QUESTION]);
    expect((await deskA['expert-pool'].casePage({ caseId: ids.caseA })).requests.at(-1)?.overdue).toBe(true);
    // A station's desk sees who is in the pool, not the bureau's figures.
    const seen = await deskA['expert-pool'].pool({ expert: ids.withAccount });
    expect(seen.mayReadLoad).toBe(false);
    expect(seen.experts.every((e) => e.load === null)).toBe(true);
    expect(seen.answersOf).toBeNull();
  });
});
