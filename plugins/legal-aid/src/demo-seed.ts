import type { PluginSeedContext } from '@linju/plugin-sdk';
import { decide, recordSubsidy, reportClosure, setThreshold } from './legal-aid-records.ts';

const DAY = 24 * 3_600_000;

/**
 * The demo's legal aid: the district's economic-hardship threshold in force since the start of
 * the year, a support-payment claim waiting for its decision (hardship check), and a granted
 * migrant worker's wage claim with its closure report and subsidy.
 */
export async function seedLegalAidDemo(ctx: PluginSeedContext) {
  const { centreId } = ctx.organisations;
  const now = ctx.now.getTime();
  const today = await ctx.calendar.dateOf(ctx.now);
  await ctx.staff('admin').atDistrict('legal-aid.threshold.set', (db) =>
    setThreshold(
      db,
      {
        effectiveFrom: `${today.slice(0, 4)}-01-01`,
        monthlyPerCapitaIncome: 2690,
        basis: '本市最低工资标准 2690 元',
      },
      '区局管理员 王敏',
    ),
  );

  const desk = ctx.staff('desk');
  const officer = ctx.staff('legalaid');
  await desk.intake({
    channel: 'walk-in',
    resident: { name: '何秀兰', phone: '13621880937', keyGroups: ['elderly'], contactPreference: 'phone' },
    category: 'support-payments',
    description: '七十八岁老人，两个儿子长期不支付赡养费，申请法律援助起诉追索赡养费。',
    organisationId: centreId,
    receivedAt: new Date(now - 2 * DAY),
    form: {
      applicantName: '何秀兰',
      matter: 'support-payments',
      summary: '申请人年满七十八岁，靠微薄养老金生活，两个儿子长期拒付赡养费，多次调解未果。',
      opposingParty: '张建华、张建平',
      migrantWorkerWageClaim: false,
      hardship: {
        householdSize: 1,
        monthlyHouseholdIncome: 1850,
        incomeSources: '城乡居民养老金',
        truthfulnessPledge: true,
      },
    },
  });
  const wages = await desk.intake({
    channel: 'hotline-12348',
    resident: {
      name: '马建军',
      phone: '13764402215',
      keyGroups: ['migrant-workers'],
      contactPreference: 'sms',
    },
    category: 'labour-remuneration',
    description: '装修公司拖欠三名农民工工资合计四万八千元，申请法律援助。',
    organisationId: centreId,
    receivedAt: new Date(now - 30 * DAY),
    form: {
      applicantName: '马建军',
      matter: 'labour-remuneration',
      summary: '在某装修公司务工五个月，公司以工程款未结为由拖欠工资，已申请劳动仲裁。',
      opposingParty: '上海某装饰工程有限公司',
      migrantWorkerWageClaim: true,
    },
  });
  await ctx.staff('director').assign(wages.caseId, officer.actor.staffId);
  const wagesCase = {
    caseId: wages.caseId,
    receivedOn: await ctx.calendar.dateOf(new Date(now - 30 * DAY)),
    today,
  };
  const decidedOn = await ctx.calendar.dateOf(new Date(now - 27 * DAY));
  const paidOn = await ctx.calendar.dateOf(new Date(now - 2 * DAY));
  await officer.onCase(wages.caseId, 'legal-aid.application.decide', async (db, c) => {
    const intake = { ...wagesCase, intake: c.form as never };
    const decision = await decide(
      db,
      { ...intake, today: decidedOn },
      { caseId: wages.caseId, granted: true },
      officer.actor.name,
    );
    await reportClosure(
      db,
      intake,
      {
        caseId: wages.caseId,
        lawyerName: '赵律师（上海某律师事务所）',
        outcome: 'mediated',
        amountRecovered: 48000,
        summary: '经劳动仲裁委员会调解，用人单位当庭支付拖欠工资四万八千元，案件调解结案。',
      },
      officer.actor.name,
    );
    await recordSubsidy(
      db,
      intake,
      {
        caseId: wages.caseId,
        recipient: '上海某律师事务所',
        amount: 1500,
        basis: '民事仲裁案件办案补贴标准',
        paidOn,
      },
      officer.actor.name,
    );
    return {
      result: decision,
      timeline: { text: '决定给予法律援助；已结案并发放办案补贴', action: 'legal-aid.decision.made' },
    };
  });
}
