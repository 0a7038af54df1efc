import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pluginHarness,
  refusedField,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import { openPostgres } from '../../../packages/db/src/postgres-client.ts';
import { importStatutes, readStatutesJsonl } from '../../../packages/statutes/src/index.ts';
import { statuteFixture } from '../../../packages/statutes/src/testing/statute-fixture.ts';
import { personalDataIn } from './personal-data.ts';

const h = pluginHarness();
const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
// 中华人民共和国参考案例借贷法 (in force: 第一条, 第二条) and its repealed forerunner.
const statutes = statuteFixture('参考案例');
const CITED = '《参考案例借贷法》第一条\n《参考案例借贷法》第二条';

let district: TestDistrict;
let admin: AppCaller;
let deskA: AppCaller;
let inspector: AppCaller;

beforeAll(async () => {
  await importStatutes(owner, readStatutesJsonl(statutes.jsonl));
  ({ district, admin } = await h.district('refcases', {
    enable: ['reference-cases', 'consultation', 'appraisal'],
  }));
  deskA = await h.staff(district, 'desk-a');
  // Inspectors review closed case files (file-review.conduct), which carries the approval.
  inspector = await h.member(district, 'inspector', district.organisations.centreId);
});
afterAll(async () => {
  await owner.end();
  await h.close();
});

let phoneSeq = 0;
const phone = () => `1370000${String(4000 + phoneSeq++).padStart(4, '0')}`;

/** A loan question of the consultation service, with 张伟 as the resident and 李娜 as the other party. */
async function loanCase() {
  const c = await deskA.case.create({
    channel: 'walk-in',
    resident: { name: '张伟', phone: phone() },
    serviceType: 'consultation',
    category: 'debts',
    description: '张伟借给李娜五万元，李娜手机13912345678已停机，住在幸福小区5栋1单元302室。',
    organisationId: district.organisations.stationA,
    form: { topic: '民间借贷', channel: 'walk-in', question: '李娜借钱两年不还，没有约定利息，能否要利息？' },
  });
  await deskA.case.addParty({ caseId: c.id, name: '李娜', role: 'adverse', kind: 'person' });
  return c;
}

async function close(caseId: string) {
  await deskA.case.setStatus({ caseId, status: 'in-progress' });
  await deskA.case.setStatus({ caseId, status: 'resolved' });
  await deskA.case.recordFeedback({ caseId, summary: '电话告知咨询意见' });
  await deskA.case.setStatus({ caseId, status: 'closed' });
}

const proposal = (caseId: string, summary: string) => ({
  caseId,
  title: '朋友借款未约定利息，出借人不能主张利息',
  summary,
  resolution: '告知借款应当按期返还，未约定利息的视为没有利息，建议协商分期归还。',
  statutes: CITED,
});

describe('proposing a closed case for the reference library', () => {
  it('drafts it from the case without the parties’ names, numbers or address', async () => {
    const c = await loanCase();
    await close(c.id);
    const page = await deskA['reference-cases'].page({ caseId: c.id });
    const draft = page.draft.pieces.map((p) => p.text).join('');
    expect(draft).toBe(
      '当事人甲借给当事人乙五万元，当事人乙手机【电话】已停机，住在【地址】。\n民间借贷\n当事人乙借钱两年不还，没有约定利息，能否要利息？',
    );
    expect(page.draft.pieces.filter((p) => p.removed).map((p) => p.removed)).toEqual([
      'name',
      'name',
      'name',
      'phone',
      'address',
      'name',
    ]);
    expect(page).toMatchObject({ case: { closed: true }, proposal: null });
  });

  it('proposes it, refusing articles the library lacks or that are repealed', async () => {
    const c = await loanCase();
    await close(c.id);
    const propose = (statutes: string) =>
      deskA['reference-cases'].propose({
        ...proposal(c.id, '当事人甲借给当事人乙五万元，未约定利息，两年未还。'),
        statutes,
      });
    expect(await failure(propose('借款合同的规定'))).toBe('BAD_REQUEST reference-cases.statutes_none');
    expect(await failure(propose('《参考案例借贷法》第九百条'))).toBe(
      'BAD_REQUEST reference-cases.statute_missing',
    );
    expect(await propose('《参考案例旧借贷法》第一条').then(() => 'proposed', refusedField)).toBe('statutes');
    expect(await failure(propose('《参考案例旧借贷法》第一条'))).toBe(
      'BAD_REQUEST reference-cases.statute_repealed',
    );
    const proposed = await propose(CITED);
    expect(proposed).toMatchObject({
      status: 'proposed',
      serviceType: 'consultation',
      category: 'debts',
      statutes: [
        { law: statutes.current.name, article: 1 },
        { law: statutes.current.name, article: 2 },
      ],
    });
    expect(await failure(propose(CITED))).toBe('CONFLICT reference-cases.already_proposed');
  });

  it('refuses a case still open', async () => {
    const c = await loanCase();
    expect(
      await failure(
        deskA['reference-cases'].propose(proposal(c.id, '当事人甲借给当事人乙五万元，两年未还。')),
      ),
    ).toBe('CONFLICT reference-cases.case_not_closed');
  });

  it('works on a case of any service: an appraisal question', async () => {
    const c = await deskA.case.create({
      channel: 'walk-in',
      resident: { name: '孙立', phone: phone() },
      serviceType: 'appraisal',
      category: 'injury-degree',
      description: '孙立被打伤后咨询伤情鉴定',
      organisationId: district.organisations.stationA,
      form: { appraisalType: 'injury-degree', purpose: 'litigation', summary: '与邻居冲突被打伤，左臂骨折' },
    });
    await close(c.id);
    const proposed = await deskA['reference-cases'].propose({
      ...proposal(c.id, '当事人甲与邻居冲突被打伤，左臂骨折，咨询伤情鉴定。'),
      title: '邻里冲突致伤，先做损伤程度鉴定',
    });
    expect(proposed).toMatchObject({ serviceType: 'appraisal', category: 'injury-degree' });
  });

  it('is refused in another district and to staff who may not propose or approve', async () => {
    const c = await loanCase();
    await close(c.id);
    const other = await h.district('refcases-other', { enable: ['reference-cases', 'consultation'] });
    expect(await failure(other.admin['reference-cases'].page({ caseId: c.id }))).toMatch(/^NOT_FOUND/);
    // An inspector reads and reviews case files but handles none.
    expect(
      await failure(
        inspector['reference-cases'].propose(proposal(c.id, '当事人甲借给当事人乙五万元，两年未还。')),
      ),
    ).toMatch(/^FORBIDDEN/);
    const proposed = await deskA['reference-cases'].propose(
      proposal(c.id, '当事人甲借给当事人乙五万元，两年未还。'),
    );
    expect(
      await failure(
        deskA['reference-cases'].decide({ caseId: c.id, referenceCaseId: proposed.id, decision: 'approve' }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });
});

describe('approving and finding reference cases', () => {
  it('scans the text again on approval, returns it with a reason, and approves it once clean', async () => {
    const c = await loanCase();
    await close(c.id);
    // The proposer's edit put the other party's name and a number back.
    const leaky = await deskA['reference-cases'].propose(
      proposal(c.id, '李娜（电话13912345678）借当事人甲五万元，两年未还。'),
    );
    const decide = (decision: 'approve' | 'return', reason?: string) =>
      inspector['reference-cases'].decide({
        caseId: c.id,
        referenceCaseId: leaky.id,
        decision,
        ...(reason ? { reason } : {}),
      });
    expect(await failure(decide('approve'))).toBe('BAD_REQUEST reference-cases.personal_data_left');
    expect(await failure(decide('return'))).toBe('BAD_REQUEST reference-cases.reason_required');
    expect(await decide('return', '基本案情中仍有当事人姓名和电话')).toMatchObject({
      status: 'returned',
      returnReason: '基本案情中仍有当事人姓名和电话',
    });
    const page = await deskA['reference-cases'].page({ caseId: c.id });
    expect(page.personalDataLeft).toEqual(['name', 'phone']);

    // A name alone is found too: the approver reads the parties' names in full.
    await deskA['reference-cases'].propose(proposal(c.id, '李娜借当事人甲五万元，未约定利息，两年未还。'));
    expect(await failure(decide('approve'))).toBe('BAD_REQUEST reference-cases.personal_data_left');
    await decide('return', '仍有当事人姓名');

    const again = await deskA['reference-cases'].propose(
      proposal(c.id, '当事人乙借当事人甲五万元，未约定利息，两年未还。'),
    );
    expect(again.id).toBe(leaky.id);
    expect(await decide('approve')).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect(await failure(decide('approve'))).toBe('CONFLICT reference-cases.not_waiting');

    const audit = await admin.audit.getMany({ objectId: leaky.id });
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      'reference-cases.case.approved',
      'reference-cases.case.proposed',
      'reference-cases.case.proposed',
      'reference-cases.case.proposed',
      'reference-cases.case.returned',
      'reference-cases.case.returned',
    ]);
  });

  it('finds approved cases by article (as the law writes it or in digits), words and service', async () => {
    const library = await deskA['reference-cases'].library({ law: '参考案例借贷法', article: '第二条' });
    expect(library.cases.map((c) => c.title)).toContain('朋友借款未约定利息，出借人不能主张利息');
    expect(library.cases.every((c) => c.status === 'approved')).toBe(true);
    const byDigits = await deskA['reference-cases'].library({ law: '参考案例借贷法', article: '2' });
    expect(byDigits.cases.map((c) => c.id)).toEqual(library.cases.map((c) => c.id));
    expect(
      await deskA['reference-cases'].library({ law: '参考案例借贷法', article: '第九百条' }),
    ).toMatchObject({ unknownArticle: true, cases: [] });
    expect((await deskA['reference-cases'].library({ text: '利息 分期' })).cases.length).toBeGreaterThan(0);
    expect((await deskA['reference-cases'].library({ text: '噪音' })).cases).toEqual([]);
    expect((await deskA['reference-cases'].library({ service: 'appraisal' })).cases).toEqual([]);
    const byService = await deskA['reference-cases'].library({ service: 'consultation', category: 'debts' });
    expect(byService.cases.map((c) => c.id)).toEqual(library.cases.map((c) => c.id));
    // Named as the consultation service declares its category, never by its id.
    expect(byService.categories).toEqual([{ id: 'debts', name: { 'zh-CN': '债权债务', en: 'Debts' } }]);
    expect((await deskA['reference-cases'].library({ category: 'injury-degree' })).cases).toEqual([]);
    // Only the approver sees the proposals waiting (the appraisal one).
    expect((await deskA['reference-cases'].library({})).waiting).toEqual([]);
    const waiting = (await inspector['reference-cases'].library({})).waiting;
    expect(waiting.map((c) => c.serviceType)).toContain('appraisal');
  });

  it('lends the assistant approved cases only, best first, without personal data', async () => {
    const hits = await h.asPlugin(district.tenantId, 'reference-cases', async (db) => {
      const { plugin } = await import('./plugin.ts');
      return plugin.referenceCases?.search(db, { text: '朋友借钱不还要利息吗', limit: 5 }) ?? [];
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({
      title: '朋友借款未约定利息，出借人不能主张利息',
      serviceType: 'consultation',
      statutes: ['《参考案例借贷法》第一条', '《参考案例借贷法》第二条'],
    });
    for (const hit of hits) {
      expect(personalDataIn(`${hit.title}\n${hit.summary}`, ['张伟', '李娜', '孙立'])).toEqual([]);
    }
    // The appraisal proposal, still waiting, is never lent.
    expect(hits.map((hit) => hit.title)).not.toContain('邻里冲突致伤，先做损伤程度鉴定');
  });
});
