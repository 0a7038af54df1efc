import { type Actor, createQuestionnaire, importAssessmentResults, openRound } from '@linju/core';
import type { TenantTx } from '@linju/db';

const DAY = 86_400_000;
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * Evaluations for the demo: the district's satisfaction questionnaire, sent at seeding by a
 * public link open for 90 days (codes for invited residents would be shown once, to nobody here),
 * and a third-party assessor's results for the last quarter, imported as the assessor's file.
 */
export async function seedEvaluations(
  tx: TenantTx,
  at: { system: Actor; centreId: string; stationIds: readonly string[] },
) {
  const now = new Date();
  const questionnaire = await createQuestionnaire(tx, at.system, {
    organisationId: at.centreId,
    title: '公共法律服务群众满意度调查',
    intro: '感谢您抽出两分钟时间，您的意见将帮助我们改进服务。',
    questions: [
      {
        kind: 'single',
        text: '您是通过什么渠道来办事的？',
        required: true,
        options: ['窗口', '12348热线', '网上', '上门服务'],
      },
      {
        kind: 'multiple',
        text: '哪些方面让您满意？',
        options: ['服务态度', '办理效率', '专业水平', '场所环境'],
      },
      { kind: 'scale', text: '您对本次服务的总体满意程度', required: true },
      { kind: 'text', text: '您还有什么意见和建议？' },
    ],
  });
  await openRound(tx, at.system, {
    questionnaireId: questionnaire.id,
    opensOn: shanghaiDay(now),
    closesOn: shanghaiDay(new Date(now.getTime() + 90 * DAY)),
    publicLink: true,
  });
  const year = Number(shanghaiDay(now).slice(0, 4));
  const quarter = Math.floor((Number(shanghaiDay(now).slice(5, 7)) - 1) / 3) + 1;
  const period = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  const rows = at.stationIds
    .slice(0, 3)
    .flatMap((id, i) => [
      `上海明镜评估咨询有限公司,${period},${id},服务规范化,${18 - i},`,
      `上海明镜评估咨询有限公司,${period},${id},群众满意度,${27 - i * 2}.5,${i === 2 ? '回访率偏低' : ''}`,
    ]);
  await importAssessmentResults(tx, at.system, {
    fileName: `${period}第三方评估.csv`,
    csv: ['评估机构,评估期间,服务点,指标,得分,备注', ...rows].join('\r\n'),
  });
}
