import { field } from '@linju/plugin-sdk';
import { z } from 'zod';

const yes = (zh: string, en: string) => field(z.boolean().default(false), { label: { 'zh-CN': zh, en } });

/**
 * The enterprise legal check-up (企业法治体检) questionnaire: what a lawyer asks a small firm.
 * Each "no" to a good practice and each "yes" to a warning sign adds to the risk report.
 */
export const intakeForm = z.object({
  enterpriseName: field(z.string().trim().min(2).max(100), {
    label: { 'zh-CN': '企业名称', en: 'Enterprise' },
  }),
  employees: field(z.coerce.number().int().min(0).max(100_000), {
    label: { 'zh-CN': '员工人数', en: 'Employees' },
  }),
  writtenLabourContracts: yes('与全部员工签订书面劳动合同', 'Written labour contracts with every employee'),
  socialInsurancePaid: yes('依法足额缴纳社会保险', 'Social insurance paid in full'),
  contractTemplatesReviewed: yes('常用合同文本经律师审核', 'Contract templates reviewed by a lawyer'),
  wageArrears: yes('存在拖欠工资情况', 'Wages in arrears'),
  pendingLawsuits: yes('有未结诉讼或仲裁', 'Lawsuits or arbitration pending'),
});
export type CheckupAnswers = z.output<typeof intakeForm>;
