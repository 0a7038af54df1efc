import type { PluginSeedContext } from '@linju/plugin-sdk';
import { addExpert, type Expert, type ExpertDetails } from './experts.ts';
import { recordOpinion, requestOpinions } from './opinion-requests.ts';
import { givenNote, requestedNote } from './timeline-notes.ts';
import type { LawField } from './vocabulary.ts';

/** Six experts across the kinds and fields; the demo's lawyer (刘洋) answers in the app. */
const demoExperts = (lawyerStaffId: string): ExpertDetails[] => [
  {
    name: '刘洋',
    kind: 'lawyer',
    affiliation: '上海市汇理律师事务所',
    fields: ['property-management', 'contract-debt', 'housing-land'],
    availability: 'available',
    staffId: lawyerStaffId,
  },
  {
    name: '陈思远',
    kind: 'scholar',
    affiliation: '华东政法大学民商法学院',
    fields: ['family', 'contract-debt', 'tort'],
    availability: 'available',
  },
  {
    name: '顾建平',
    kind: 'retired-judge',
    affiliation: '徐汇区人民法院（已退休）',
    fields: ['housing-land', 'tort', 'administrative'],
    availability: 'available',
  },
  {
    name: '沈美华',
    kind: 'mediator',
    affiliation: '徐家汇街道人民调解委员会',
    fields: ['family', 'property-management', 'other'],
    availability: 'available',
  },
  {
    name: '郭晓东',
    kind: 'lawyer',
    affiliation: '上海市明伦律师事务所',
    fields: ['labour', 'criminal'],
    availability: 'available',
  },
  {
    name: '许文',
    kind: 'scholar',
    affiliation: '上海交通大学凯原法学院',
    fields: ['intellectual-property', 'administrative'],
    availability: 'left',
  },
];

/** A demo case by words of its description (the seed's ids are random). */
async function demoCase(ctx: PluginSeedContext, words: string) {
  const found = (await ctx.cases()).find((c) => c.description.includes(words));
  if (!found) throw new Error(`expert-pool demo: no demo case about ${words}`);
  return found;
}

/**
 * The demo's pool, added by the bureau's administrator as the pool page does; and 研判 on two demo
 * cases, as the case page asks for it: the retired judge's opinion on the migrant workers' unpaid
 * wages (recorded by the bureau on his behalf), and a question to the lawyer still open.
 */
export async function seedExpertPoolDemo(ctx: PluginSeedContext) {
  const admin = ctx.staff('admin');
  const desk = ctx.staff('desk');
  const today = await ctx.calendar.dateOf(ctx.now);
  const experts = await admin.atDistrict('expert-pool.expert.manage', async (db) => {
    const added = [];
    for (const expert of demoExperts(ctx.staff('lawyer').actor.staffId))
      added.push(await addExpert(db, expert, today));
    return added;
  });
  const judge = experts.find((e) => e.name === '顾建平');
  const lawyer = experts.find((e) => e.name === '刘洋');
  if (!judge || !lawyer) throw new Error('expert-pool demo: experts missing');
  const wages = await demoCase(ctx, '拖欠工资约三万二千元');
  const parking = await demoCase(ctx, '擅自上调停车费');
  const ask = (
    c: { id: string; number: string },
    expert: Expert,
    field: LawField,
    question: string,
    dueOn: string,
  ) =>
    desk.onCase(c.id, 'expert-pool.opinion.request', async (db) => {
      const [asked] = await requestOpinions(db, [expert.id], {
        caseId: c.id,
        caseNumber: c.number,
        field,
        question,
        today,
        dueOn,
        requestedBy: desk.actor,
      });
      if (!asked) throw new Error('expert-pool demo: request not made');
      return { result: asked.request, timeline: requestedNote(expert, asked.request) };
    });
  // Due dates a week or two out: the demo's calendar has no working-day arithmetic here.
  const inDays = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);
  const wagesRequest = await ask(
    wages,
    judge,
    'labour',
    '无书面劳动合同，仅有微信考勤截图和工友证言，能否认定与包工头所在公司存在劳动关系？欠薪应向谁主张？',
    inDays(14),
  );
  const opinion =
    '可依《保障农民工工资支付条例》第三十条由施工总承包单位先行清偿，不必先认定劳动关系；考勤截图、工友证言和工资欠条可相互印证，建议一并提交劳动保障监察。';
  await admin.onCase(wages.id, 'expert-pool.opinion.record', async (db) => {
    const answered = await recordOpinion(db, wagesRequest, {
      opinion,
      today,
      recordedBy: admin.actor.name,
      onBehalf: true,
    });
    return { result: null, timeline: givenNote(judge, answered, admin.actor.name) };
  });
  await ask(
    parking,
    lawyer,
    'property-management',
    '物业服务企业未经业主大会决定上调小区停车费，业主能否拒付上调部分？业主委员会应如何主张？',
    inDays(10),
  );
}
