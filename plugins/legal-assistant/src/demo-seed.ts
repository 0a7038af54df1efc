import type { PluginSeedContext } from '@linju/plugin-sdk';
import { composeAnswer } from './compose-answer.ts';
import { keepQuestion } from './kept-questions.ts';
import { topicOf } from './topics.ts';

const DAY = 86_400_000;

/** What residents asked the demo district's assistant over the last two months (already scrubbed). */
const ASKED = [
  { daysAgo: 40, question: '朋友借了我3万元，写了借条，到期一直不还怎么办？', amount: 30000 },
  { daysAgo: 33, question: '公司拖欠了三个月工资，老板说没钱，我该去哪里要？', amount: 18000 },
  { daysAgo: 21, question: '楼上邻居每天半夜装修噪音很大，物业不管怎么办？', amount: null },
  { daysAgo: 9, question: '想离婚，孩子的抚养费怎么算？', amount: null },
  { daysAgo: 2, question: '借给亲戚5万元没有写借条，还能要回来吗？', amount: 50000 },
] as const;

/** The demo's kept questions, so the bureau's page shows months and services (answers as the template gives them). */
export async function seedAssistantDemo(ctx: PluginSeedContext) {
  await ctx.staff('admin').atDistrict('legal-assistant.questions.view', async (db) => {
    for (const asked of ASKED) {
      const askedAt = new Date(ctx.now.getTime() - asked.daysAgo * DAY);
      const topic = topicOf(asked.question, []);
      await keepQuestion(db, {
        month: (await ctx.calendar.dateOf(askedAt)).slice(0, 7),
        askedAt,
        caseId: null,
        question: asked.question,
        amountYuan: asked.amount,
        services: topic.services,
        answer: { topic, text: composeAnswer(topic.id, [])['zh-CN'], modelOutcome: 'none' },
      });
    }
  });
}
