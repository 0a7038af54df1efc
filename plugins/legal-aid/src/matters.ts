import type { LocalizedText } from '@linju/plugin-sdk';

/**
 * The matters legal aid covers in the seeds (and in the Legal Aid Law, art. 31), plus criminal
 * cases under plea leniency, where aid is mandatory.
 */
export const LEGAL_AID_MATTERS = [
  'social-insurance',
  'social-assistance',
  'pensions',
  'support-payments',
  'labour-remuneration',
  'damages',
  'plea-leniency',
] as const;

/** One of {@link LEGAL_AID_MATTERS}. */
export type LegalAidMatter = (typeof LEGAL_AID_MATTERS)[number];

/** Names of {@link LEGAL_AID_MATTERS}. */
export const LEGAL_AID_MATTER_NAMES: Record<LegalAidMatter, LocalizedText> = {
  'social-insurance': { 'zh-CN': '请求给予社会保险待遇', en: 'Social insurance benefits' },
  'social-assistance': { 'zh-CN': '请求给予社会救助', en: 'Social assistance' },
  pensions: { 'zh-CN': '请求发给抚恤金', en: 'Pensions and compensation' },
  'support-payments': {
    'zh-CN': '请求给付赡养费、抚养费、扶养费',
    en: 'Support payments (for parents, children or a spouse)',
  },
  'labour-remuneration': { 'zh-CN': '请求支付劳动报酬', en: 'Unpaid wages' },
  damages: { 'zh-CN': '请求人身损害赔偿', en: 'Damages for personal injury' },
  'plea-leniency': { 'zh-CN': '认罪认罚从宽刑事案件', en: 'Criminal case under plea leniency' },
};

/**
 * Groups exempt from the economic-hardship check on proof of membership (Legal Aid Law, art. 42):
 * minors, elderly or disabled people without a steady income, and recipients of social assistance,
 * judicial assistance or special care. Migrant workers claiming wages have their own flag.
 */
export const HARDSHIP_EXEMPT_GROUPS = ['no-steady-income', 'assistance-recipient'] as const;

export const HARDSHIP_EXEMPT_GROUP_NAMES: Record<(typeof HARDSHIP_EXEMPT_GROUPS)[number], LocalizedText> = {
  'no-steady-income': {
    'zh-CN': '无固定生活来源的未成年人、老年人、残疾人',
    en: 'Minor, elderly or disabled person without a steady income',
  },
  'assistance-recipient': {
    'zh-CN': '社会救助、司法救助或者优抚对象',
    en: 'Recipient of social or judicial assistance or special care',
  },
};
