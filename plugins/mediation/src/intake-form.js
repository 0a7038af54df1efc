"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mediationIntakeForm = exports.DISPUTE_SOURCES = exports.DISPUTE_CATEGORY_NAMES = exports.DISPUTE_CATEGORIES = void 0;
var plugin_sdk_1 = require("@linju/plugin-sdk");
var zod_1 = require("zod");
/** Dispute categories the seeds' people's mediation committees handle, with petitions (信访矛盾). */
exports.DISPUTE_CATEGORIES = [
    'family',
    'torts',
    'debts',
    'neighbours',
    'property-management',
    'petitions',
    'other',
];
/** Names of {@link DISPUTE_CATEGORIES}. */
exports.DISPUTE_CATEGORY_NAMES = {
    family: { 'zh-CN': '婚姻家庭纠纷', en: 'Marriage and family' },
    torts: { 'zh-CN': '侵权纠纷', en: 'Torts' },
    debts: { 'zh-CN': '债务纠纷', en: 'Debts' },
    neighbours: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
    'property-management': { 'zh-CN': '物业管理纠纷', en: 'Property management' },
    petitions: { 'zh-CN': '信访矛盾', en: 'Petitions' },
    other: { 'zh-CN': '其他民间纠纷', en: 'Other disputes' },
};
/** Where a dispute came from: the parties, or one of the docking mechanisms (诉调、公调、访调) and the sweep. */
exports.DISPUTE_SOURCES = [
    'application',
    'court',
    'police',
    'petitions-office',
    'proactive-sweep',
];
var party = zod_1.z.object({
    name: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(50), { label: { 'zh-CN': '姓名或名称', en: 'Name' } }),
    role: (0, plugin_sdk_1.field)(zod_1.z.enum(['applicant', 'respondent']), {
        label: { 'zh-CN': '当事人身份', en: 'Role' },
        options: {
            applicant: { 'zh-CN': '申请人', en: 'Applicant' },
            respondent: { 'zh-CN': '被申请人', en: 'Respondent' },
        },
    }),
    phone: (0, plugin_sdk_1.field)(zod_1.z
        .string()
        .trim()
        .regex(/^[0-9+\-\s]{5,20}$/, 'is not a phone number')
        .optional(), { label: { 'zh-CN': '联系电话', en: 'Phone' } }),
});
/** The intake form of a people's mediation case. */
exports.mediationIntakeForm = zod_1.z.object({
    summary: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(10).max(4000), {
        label: { 'zh-CN': '纠纷概要', en: 'Summary of the dispute' },
        help: {
            'zh-CN': '纠纷起因、经过和各方诉求',
            en: 'How it started, what happened and what each side wants',
        },
    }),
    source: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.DISPUTE_SOURCES).default('application'), {
        label: { 'zh-CN': '纠纷来源', en: 'Source' },
        options: {
            application: { 'zh-CN': '当事人申请', en: 'Application by a party' },
            court: { 'zh-CN': '法院委派（诉调对接）', en: 'Referred by a court' },
            police: { 'zh-CN': '公安移送（公调对接）', en: 'Referred by the police' },
            'petitions-office': { 'zh-CN': '信访转办（访调对接）', en: 'Referred by the petitions office' },
            'proactive-sweep': { 'zh-CN': '主动排查', en: 'Found in the proactive sweep' },
        },
    }),
    amountInDispute: (0, plugin_sdk_1.field)(zod_1.z.number().nonnegative().max(1e10).optional(), {
        label: { 'zh-CN': '涉及金额（元）', en: 'Amount in dispute (CNY)' },
    }),
    parties: (0, plugin_sdk_1.field)(zod_1.z
        .array(party)
        .min(2)
        .max(50)
        .refine(function (parties) {
        return parties.some(function (p) { return p.role === 'applicant'; }) && parties.some(function (p) { return p.role === 'respondent'; });
    }, 'need at least one applicant and one respondent'), { label: { 'zh-CN': '当事人', en: 'Parties' } }),
});
