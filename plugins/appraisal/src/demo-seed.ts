import type { PluginSeedContext } from '@linju/plugin-sdk';
import { giveAdvice } from './appraisal-advice.ts';

const DAY = 24 * 3_600_000;

/**
 * The demo's appraisal: a disability-grade question after a traffic accident, answered with when
 * and how to have it appraised (the institution to refer it to is one of the district's partners).
 */
export async function seedAppraisalDemo(ctx: PluginSeedContext) {
  const appraiser = ctx.staff('appraiser');
  const injury = await ctx.staff('desk').intake({
    channel: 'walk-in',
    resident: { name: '冯立新', phone: '13585512076', contactPreference: 'phone' },
    description: '交通事故致左腿骨折，出院后询问如何做伤残等级鉴定以便索赔。',
    organisationId: ctx.organisations.centreId,
    receivedAt: new Date(ctx.now.getTime() - 1 * DAY),
    form: {
      appraisalType: 'disability-grade',
      purpose: 'insurance-claim',
      summary: '三个月前骑电动车被汽车撞倒，左胫骨骨折，内固定术后已出院，保险公司要求提供伤残等级鉴定。',
      medicalRecordsAvailable: true,
    },
  });
  await appraiser.onCase(injury.caseId, 'appraisal.case.answer', async (db) => {
    const advice = await giveAdvice(
      db,
      {
        caseId: injury.caseId,
        appraisalType: 'disability-grade',
        advice:
          '骨折内固定术后一般应在治疗终结（通常伤后六个月左右）再做伤残等级鉴定；请备齐病历、影像资料和事故认定书。',
      },
      appraiser.actor.name,
    );
    return { result: advice, timeline: { text: advice.advice, action: 'appraisal.advice.given' } };
  });
}
