import { field } from '@linju/plugin-sdk';
import { z } from 'zod';
import {
  HARDSHIP_EXEMPT_GROUP_NAMES,
  HARDSHIP_EXEMPT_GROUPS,
  LEGAL_AID_MATTER_NAMES,
  LEGAL_AID_MATTERS,
} from './matters.ts';

/** The economic-hardship declaration (经济困难状况说明), signed by the applicant. */
const hardshipDeclaration = z.object({
  householdSize: field(z.int().min(1).max(30), { label: { 'zh-CN': '家庭人口数', en: 'Household size' } }),
  monthlyHouseholdIncome: field(z.number().nonnegative().max(1e7), {
    label: { 'zh-CN': '家庭月收入（元）', en: 'Monthly household income (CNY)' },
  }),
  incomeSources: field(z.string().trim().min(1).max(500), {
    label: { 'zh-CN': '主要收入来源', en: 'Main sources of income' },
  }),
  truthfulnessPledge: field(z.literal(true, 'must be confirmed by the applicant'), {
    label: {
      'zh-CN': '本人承诺所填经济状况真实，如有虚假愿承担法律责任',
      en: 'I declare this is true and accept liability if not',
    },
  }),
});

/** The intake form of a legal-aid application. */
export const legalAidIntakeForm = z
  .object({
    applicantName: field(z.string().trim().min(1).max(50), {
      label: { 'zh-CN': '申请人姓名', en: 'Applicant' },
    }),
    matter: field(z.enum(LEGAL_AID_MATTERS), {
      label: { 'zh-CN': '申请事项', en: 'Matter' },
      options: LEGAL_AID_MATTER_NAMES,
    }),
    summary: field(z.string().trim().min(10).max(4000), {
      label: { 'zh-CN': '案情简介', en: 'Summary of the case' },
    }),
    opposingParty: field(z.string().trim().min(1).max(100).optional(), {
      label: { 'zh-CN': '对方当事人', en: 'Opposing party' },
    }),
    migrantWorkerWageClaim: field(z.boolean().default(false), {
      label: {
        'zh-CN': '进城务工人员请求支付劳动报酬或工伤赔偿（绿色通道，免予核查经济困难）',
        en: 'Migrant worker claiming wages or work-injury damages (green channel, no hardship check)',
      },
    }),
    exemptGroup: field(z.enum(HARDSHIP_EXEMPT_GROUPS).optional(), {
      label: { 'zh-CN': '免予核查经济困难的人员类别', en: 'Group exempt from the hardship check' },
      options: HARDSHIP_EXEMPT_GROUP_NAMES,
    }),
    hardship: field(hardshipDeclaration.optional(), {
      label: { 'zh-CN': '经济困难状况说明', en: 'Economic hardship declaration' },
    }),
  })
  .superRefine((form, ctx) => {
    if (form.migrantWorkerWageClaim && form.matter !== 'labour-remuneration' && form.matter !== 'damages') {
      ctx.addIssue({
        code: 'custom',
        path: ['migrantWorkerWageClaim'],
        message: 'applies only to claims for wages or work-injury damages',
      });
    }
    const exempt =
      form.matter === 'plea-leniency' || form.migrantWorkerWageClaim || form.exemptGroup !== undefined;
    if (!exempt && !form.hardship) {
      ctx.addIssue({
        code: 'custom',
        path: ['hardship'],
        message: 'is required unless the applicant is exempt',
      });
    }
  });

/** A validated legal-aid intake. */
export type LegalAidIntake = z.output<typeof legalAidIntakeForm>;
