"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.legalAidIntakeForm = exports.HARDSHIP_EXEMPT_GROUPS = exports.LEGAL_AID_MATTER_NAMES = exports.LEGAL_AID_MATTERS = void 0;
var plugin_sdk_1 = require("@linju/plugin-sdk");
var zod_1 = require("zod");
/**
 * The matters legal aid covers in the seeds (and in the Legal Aid Law, art. 31), plus criminal
 * cases under plea leniency, where aid is mandatory.
 */
exports.LEGAL_AID_MATTERS = [
    'social-insurance',
    'social-assistance',
    'pensions',
    'support-payments',
    'labour-remuneration',
    'damages',
    'plea-leniency',
];
/** Names of {@link LEGAL_AID_MATTERS}. */
exports.LEGAL_AID_MATTER_NAMES = {
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
exports.HARDSHIP_EXEMPT_GROUPS = ['no-steady-income', 'assistance-recipient'];
/** The economic-hardship declaration (经济困难状况说明), signed by the applicant. */
var hardshipDeclaration = zod_1.z.object({
    householdSize: (0, plugin_sdk_1.field)(zod_1.z.int().min(1).max(30), { label: { 'zh-CN': '家庭人口数', en: 'Household size' } }),
    monthlyHouseholdIncome: (0, plugin_sdk_1.field)(zod_1.z.number().nonnegative().max(1e7), {
        label: { 'zh-CN': '家庭月收入（元）', en: 'Monthly household income (CNY)' },
    }),
    incomeSources: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(500), {
        label: { 'zh-CN': '主要收入来源', en: 'Main sources of income' },
    }),
    truthfulnessPledge: (0, plugin_sdk_1.field)(zod_1.z.literal(true, 'must be confirmed by the applicant'), {
        label: {
            'zh-CN': '本人承诺所填经济状况真实，如有虚假愿承担法律责任',
            en: 'I declare this is true and accept liability if not',
        },
    }),
});
/** The intake form of a legal-aid application. */
exports.legalAidIntakeForm = zod_1.z
    .object({
    applicantName: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(50), {
        label: { 'zh-CN': '申请人姓名', en: 'Applicant' },
    }),
    matter: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.LEGAL_AID_MATTERS), {
        label: { 'zh-CN': '申请事项', en: 'Matter' },
        options: exports.LEGAL_AID_MATTER_NAMES,
    }),
    summary: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(10).max(4000), {
        label: { 'zh-CN': '案情简介', en: 'Summary of the case' },
    }),
    opposingParty: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(100).optional(), {
        label: { 'zh-CN': '对方当事人', en: 'Opposing party' },
    }),
    migrantWorkerWageClaim: (0, plugin_sdk_1.field)(zod_1.z.boolean().default(false), {
        label: {
            'zh-CN': '进城务工人员请求支付劳动报酬或工伤赔偿（绿色通道，免予核查经济困难）',
            en: 'Migrant worker claiming wages or work-injury damages (green channel, no hardship check)',
        },
    }),
    exemptGroup: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.HARDSHIP_EXEMPT_GROUPS).optional(), {
        label: { 'zh-CN': '免予核查经济困难的人员类别', en: 'Group exempt from the hardship check' },
        options: {
            'no-steady-income': {
                'zh-CN': '无固定生活来源的未成年人、老年人、残疾人',
                en: 'Minor, elderly or disabled person without a steady income',
            },
            'assistance-recipient': {
                'zh-CN': '社会救助、司法救助或者优抚对象',
                en: 'Recipient of social or judicial assistance or special care',
            },
        },
    }),
    hardship: (0, plugin_sdk_1.field)(hardshipDeclaration.optional(), {
        label: { 'zh-CN': '经济困难状况说明', en: 'Economic hardship declaration' },
    }),
})
    .superRefine(function (form, ctx) {
    if (form.migrantWorkerWageClaim && form.matter !== 'labour-remuneration' && form.matter !== 'damages') {
        ctx.addIssue({
            code: 'custom',
            path: ['migrantWorkerWageClaim'],
            message: 'applies only to claims for wages or work-injury damages',
        });
    }
    var exempt = form.matter === 'plea-leniency' || form.migrantWorkerWageClaim || form.exemptGroup !== undefined;
    if (!exempt && !form.hardship) {
        ctx.addIssue({
            code: 'custom',
            path: ['hardship'],
            message: 'is required unless the applicant is exempt',
        });
    }
});
