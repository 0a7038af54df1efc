import {
  type Actor,
  DEFAULT_SATISFACTION_GRADING,
  quarterOf,
  recordInspection,
  saveInspectionChecklist,
  setScorecardSettings,
} from '@linju/core';
import type { TenantTx } from '@linju/db';

const DAY = 86_400_000;
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/**
 * 检查组评议 for the demo: the district's checklist (as the seeds' "考核量表" describe it: the
 * premises, the duty roster, the ledger, the results) and two inspections — the Xujiahui station
 * this quarter with a rectification item still open, and a second station the quarter before.
 */
export async function seedInspections(
  tx: TenantTx,
  at: { system: Actor; inspector: Actor; stationIds: readonly string[] },
) {
  await setScorecardSettings(tx, at.system, {
    basic: 20,
    outcome: 60,
    satisfaction: 20,
    grading: DEFAULT_SATISFACTION_GRADING,
  });
  const checklist = await saveInspectionChecklist(tx, at.inspector, {
    title: '公共法律服务工作站检查考核表',
    sections: [
      {
        title: '阵地建设',
        items: [
          { text: '标识标牌规范，服务指南、办事流程上墙公示', maxScore: 10 },
          { text: '值班表按"双固定"公示，值班人员按时在岗', maxScore: 15 },
        ],
      },
      {
        title: '服务质效',
        items: [
          { text: '来访登记、受理台账完整，事事有结果', maxScore: 20 },
          { text: '限时办结，首问负责落实到人', maxScore: 20 },
        ],
      },
      {
        title: '群众评价',
        items: [{ text: '现场抽访群众满意度', maxScore: 15 }],
      },
    ],
  });
  const inspectorIds = at.inspector.id ? [at.inspector.id] : [];
  const [xujiahui, second] = at.stationIds;
  const today = shanghaiDay(new Date());
  // Within this quarter: a few days ago unless the quarter only just began.
  const recent = shanghaiDay(new Date(Date.now() - 5 * DAY));
  const thisQuarterDay = quarterOf(recent) === quarterOf(today) ? recent : today;
  if (xujiahui)
    await recordInspection(tx, at.inspector, {
      organisationId: xujiahui,
      checklistId: checklist.id,
      inspectedOn: thisQuarterDay,
      inspectorIds,
      scores: [
        { itemId: '1.1', score: 9, remark: '服务指南缺少外语版本' },
        { itemId: '1.2', score: 13.5, remark: '周三下午值班律师两次迟到' },
        { itemId: '2.1', score: 18 },
        { itemId: '2.2', score: 17, remark: '一件物业纠纷超期两个工作日' },
        { itemId: '3.1', score: 14 },
      ],
      findings: '台账整体规范；个别事项超期，值班纪律需加强。',
      rectifications: [
        {
          description: '补充英文版服务指南并上墙',
          dueOn: shanghaiDay(new Date(Date.now() + 20 * DAY)),
        },
        { description: '约谈值班律师所在律所，落实值班签到', dueOn: today },
      ],
    });
  if (second)
    await recordInspection(tx, at.inspector, {
      organisationId: second,
      checklistId: checklist.id,
      inspectedOn: shanghaiDay(new Date(Date.now() - 100 * DAY)),
      inspectorIds,
      scores: [
        { itemId: '1.1', score: 10 },
        { itemId: '1.2', score: 15 },
        { itemId: '2.1', score: 19 },
        { itemId: '2.2', score: 20 },
        { itemId: '3.1', score: 13, remark: '部分群众不了解工作室开放时间' },
      ],
      findings: '运行规范。',
    });
}
