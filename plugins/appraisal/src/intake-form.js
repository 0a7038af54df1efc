"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.appraisalIntakeForm = exports.APPRAISAL_TYPE_NAMES = exports.APPRAISAL_TYPES = void 0;
var plugin_sdk_1 = require("@linju/plugin-sdk");
var zod_1 = require("zod");
/** The common appraisal needs residents ask about (the seeds' list). */
exports.APPRAISAL_TYPES = [
    'injury-degree',
    'disability-grade',
    'mental-state',
    'civil-capacity',
];
/** Names of {@link APPRAISAL_TYPES}. */
exports.APPRAISAL_TYPE_NAMES = {
    'injury-degree': { 'zh-CN': '损伤程度鉴定', en: 'Degree of injury' },
    'disability-grade': { 'zh-CN': '伤残等级鉴定', en: 'Disability grade' },
    'mental-state': { 'zh-CN': '精神状况鉴定', en: 'Mental state' },
    'civil-capacity': { 'zh-CN': '民事行为能力鉴定', en: 'Civil capacity' },
};
/** The intake form of an appraisal consultation. */
exports.appraisalIntakeForm = zod_1.z.object({
    appraisalType: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.APPRAISAL_TYPES), {
        label: { 'zh-CN': '鉴定类型', en: 'Type of appraisal' },
        options: exports.APPRAISAL_TYPE_NAMES,
    }),
    purpose: (0, plugin_sdk_1.field)(zod_1.z.enum(['litigation', 'mediation', 'insurance-claim', 'guardianship', 'other']), {
        label: { 'zh-CN': '鉴定用途', en: 'Purpose' },
        options: {
            litigation: { 'zh-CN': '诉讼举证', en: 'Evidence for litigation' },
            mediation: { 'zh-CN': '调解', en: 'Mediation' },
            'insurance-claim': { 'zh-CN': '保险理赔', en: 'Insurance claim' },
            guardianship: { 'zh-CN': '监护、行为能力认定', en: 'Guardianship or capacity proceedings' },
            other: { 'zh-CN': '其他', en: 'Other' },
        },
    }),
    summary: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(10).max(4000), {
        label: { 'zh-CN': '基本情况', en: 'Background' },
        help: {
            'zh-CN': '受伤或患病经过、治疗情况及想了解的问题',
            en: 'How the injury or illness came about, treatment so far, and the question',
        },
    }),
    incidentDate: (0, plugin_sdk_1.field)(zod_1.z.iso.date().optional(), {
        label: { 'zh-CN': '事发日期', en: 'Date of the incident' },
    }),
    medicalRecordsAvailable: (0, plugin_sdk_1.field)(zod_1.z.boolean().default(false), {
        label: { 'zh-CN': '已有病历、影像等医疗资料', en: 'Medical records or imaging available' },
    }),
});
