import { field, type LocalizedText } from '@linju/plugin-sdk';
import { z } from 'zod';

/** Dispute categories the seeds' people's mediation committees handle, with petitions (信访矛盾). */
export const DISPUTE_CATEGORIES = [
  'family',
  'torts',
  'debts',
  'neighbours',
  'property-management',
  'petitions',
  'other',
] as const;

/** Names of {@link DISPUTE_CATEGORIES}. */
export const DISPUTE_CATEGORY_NAMES: Record<(typeof DISPUTE_CATEGORIES)[number], LocalizedText> = {
  family: { 'zh-CN': '婚姻家庭纠纷', en: 'Marriage and family' },
  torts: { 'zh-CN': '侵权纠纷', en: 'Torts' },
  debts: { 'zh-CN': '债务纠纷', en: 'Debts' },
  neighbours: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
  'property-management': { 'zh-CN': '物业管理纠纷', en: 'Property management' },
  petitions: { 'zh-CN': '信访矛盾', en: 'Petitions' },
  other: { 'zh-CN': '其他民间纠纷', en: 'Other disputes' },
};

/** Where a dispute came from: the parties, or one of the docking mechanisms (诉调、公调、访调) and the sweep. */
export const DISPUTE_SOURCES = [
  'application',
  'court',
  'police',
  'petitions-office',
  'proactive-sweep',
] as const;

const party = z.object({
  name: field(z.string().trim().min(1).max(50), { label: { 'zh-CN': '姓名或名称', en: 'Name' } }),
  role: field(z.enum(['applicant', 'respondent']), {
    label: { 'zh-CN': '当事人身份', en: 'Role' },
    options: {
      applicant: { 'zh-CN': '申请人', en: 'Applicant' },
      respondent: { 'zh-CN': '被申请人', en: 'Respondent' },
    },
  }),
  phone: field(
    z
      .string()
      .trim()
      .regex(/^[0-9+\-\s]{5,20}$/, 'is not a phone number')
      .optional(),
    { label: { 'zh-CN': '联系电话', en: 'Phone' } },
  ),
});

/** The intake form of a people's mediation case. */
export const mediationIntakeForm = z.object({
  summary: field(z.string().trim().min(10).max(4000), {
    label: { 'zh-CN': '纠纷概要', en: 'Summary of the dispute' },
    help: {
      'zh-CN': '纠纷起因、经过和各方诉求',
      en: 'How it started, what happened and what each side wants',
    },
  }),
  source: field(z.enum(DISPUTE_SOURCES).default('application'), {
    label: { 'zh-CN': '纠纷来源', en: 'Source' },
    options: {
      application: { 'zh-CN': '当事人申请', en: 'Application by a party' },
      court: { 'zh-CN': '法院委派（诉调对接）', en: 'Referred by a court' },
      police: { 'zh-CN': '公安移送（公调对接）', en: 'Referred by the police' },
      'petitions-office': { 'zh-CN': '信访转办（访调对接）', en: 'Referred by the petitions office' },
      'proactive-sweep': { 'zh-CN': '主动排查', en: 'Found in the proactive sweep' },
    },
  }),
  amountInDispute: field(z.number().nonnegative().max(1e10).optional(), {
    label: { 'zh-CN': '涉及金额（元）', en: 'Amount in dispute (CNY)' },
  }),
  parties: field(
    z
      .array(party)
      .min(2)
      .max(50)
      .refine(
        (parties) =>
          parties.some((p) => p.role === 'applicant') && parties.some((p) => p.role === 'respondent'),
        'need at least one applicant and one respondent',
      )
      // Optional: the front desk records the resident and the adverse parties on the case itself,
      // and the mediation record falls back to those (see the mediation procedures' `partiesOf`).
      .optional(),
    { label: { 'zh-CN': '当事人', en: 'Parties' } },
  ),
});

/** A validated mediation intake. */
export type MediationIntake = z.output<typeof mediationIntakeForm>;

/** The dispute a mediation works on: its summary and its parties, from the form or the case. */
export type MediationDispute = {
  summary: string;
  parties: NonNullable<MediationIntake['parties']>;
};
