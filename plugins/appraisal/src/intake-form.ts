import { field, type LocalizedText } from '@linju/plugin-sdk';
import { z } from 'zod';

/** The common appraisal needs residents ask about (the seeds' list). */
export const APPRAISAL_TYPES = [
  'injury-degree',
  'disability-grade',
  'mental-state',
  'civil-capacity',
] as const;

/** Names of {@link APPRAISAL_TYPES}. */
export const APPRAISAL_TYPE_NAMES: Record<(typeof APPRAISAL_TYPES)[number], LocalizedText> = {
  'injury-degree': { 'zh-CN': '损伤程度鉴定', en: 'Degree of injury' },
  'disability-grade': { 'zh-CN': '伤残等级鉴定', en: 'Disability grade' },
  'mental-state': { 'zh-CN': '精神状况鉴定', en: 'Mental state' },
  'civil-capacity': { 'zh-CN': '民事行为能力鉴定', en: 'Civil capacity' },
};

/** The intake form of an appraisal consultation. */
export const appraisalIntakeForm = z.object({
  appraisalType: field(z.enum(APPRAISAL_TYPES), {
    label: { 'zh-CN': '鉴定类型', en: 'Type of appraisal' },
    options: APPRAISAL_TYPE_NAMES,
  }),
  purpose: field(z.enum(['litigation', 'mediation', 'insurance-claim', 'guardianship', 'other']), {
    label: { 'zh-CN': '鉴定用途', en: 'Purpose' },
    options: {
      litigation: { 'zh-CN': '诉讼举证', en: 'Evidence for litigation' },
      mediation: { 'zh-CN': '调解', en: 'Mediation' },
      'insurance-claim': { 'zh-CN': '保险理赔', en: 'Insurance claim' },
      guardianship: { 'zh-CN': '监护、行为能力认定', en: 'Guardianship or capacity proceedings' },
      other: { 'zh-CN': '其他', en: 'Other' },
    },
  }),
  summary: field(z.string().trim().min(10).max(4000), {
    label: { 'zh-CN': '基本情况', en: 'Background' },
    help: {
      'zh-CN': '受伤或患病经过、治疗情况及想了解的问题',
      en: 'How the injury or illness came about, treatment so far, and the question',
    },
  }),
  incidentDate: field(z.iso.date().optional(), {
    label: { 'zh-CN': '事发日期', en: 'Date of the incident' },
  }),
  medicalRecordsAvailable: field(z.boolean().default(false), {
    label: { 'zh-CN': '已有病历、影像等医疗资料', en: 'Medical records or imaging available' },
  }),
});

/** A validated appraisal intake. */
export type AppraisalIntake = z.output<typeof appraisalIntakeForm>;
