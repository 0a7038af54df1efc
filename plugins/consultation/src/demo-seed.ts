import type { PluginSeedContext } from '@linju/plugin-sdk';
import { consultationFact, logConsultation } from './consultation-log.ts';

const HOUR = 3_600_000;

/** The demo's consultation: a hotline question about a deposit, answered twice (hotline, then online). */
export async function seedConsultationDemo(ctx: PluginSeedContext) {
  const now = ctx.now.getTime();
  const lawyer = ctx.staff('lawyer');
  const deposit = await ctx.staff('desk').intake({
    channel: 'hotline-12348',
    resident: { name: '郑晓燕', phone: '13816653390', contactPreference: 'phone' },
    description: '租房合同到期退租，房东以墙面污损为由拒退押金六千元。',
    organisationId: ctx.organisations.centreId,
    receivedAt: new Date(now - 3 * HOUR),
    form: {
      topic: '房屋租赁押金不退',
      channel: 'hotline',
      question: '租房合同到期后退租，房东以墙面有污损为由拒绝退还六千元押金，是否合法？',
    },
  });
  for (const log of [
    {
      channel: 'hotline' as const,
      heldAt: new Date(now - 2 * HOUR),
      durationMinutes: 18,
      answer:
        '正常使用造成的损耗不应由承租人负担；建议收集退租时的照片和交接记录，与房东协商，协商不成可申请调解或起诉。',
      followUp: 'documents-requested' as const,
      followUpNote: '请当事人补充租赁合同和退租交接照片',
    },
    {
      channel: 'online' as const,
      heldAt: new Date(now - HOUR),
      durationMinutes: 25,
      answer:
        '已审阅合同：押金条款未约定扣除标准，房东扣除须举证损失；可向房东发函要求退还，并告知可申请人民调解。',
      followUp: 'none' as const,
    },
  ]) {
    await lawyer.onCase(deposit.caseId, 'consultation.case.answer', async (db, c) => {
      const written = await logConsultation(
        db,
        { caseId: deposit.caseId, topic: '房屋租赁押金不退', adviserName: '社区法律顾问 钱律师', ...log },
        c.organisationId,
        lawyer.actor.name,
      );
      // As `createLog` does: the minutes count in the statistics roll-ups.
      await lawyer.statistics.count('consultations', consultationFact(written));
      return { result: written, timeline: { text: written.answer, action: 'consultation.log.written' } };
    });
  }
}
