"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notaryIntakeForm = exports.GREEN_CHANNEL_REASONS = void 0;
var plugin_sdk_1 = require("@linju/plugin-sdk");
var zod_1 = require("zod");
var notary_matters_ts_1 = require("./notary-matters.ts");
/** Why a resident qualifies for the green channel (老弱病残绿色通道): priority handling, home visits. */
exports.GREEN_CHANNEL_REASONS = ['elderly', 'sick', 'disabled'];
var matterLabels = Object.fromEntries(notary_matters_ts_1.NOTARY_MATTERS.map(function (id) { return [id, notary_matters_ts_1.NOTARY_MATTER_DETAILS[id].name]; }));
/** The intake form of a notarial matter. */
exports.notaryIntakeForm = zod_1.z
    .object({
    matterType: (0, plugin_sdk_1.field)(zod_1.z.enum(notary_matters_ts_1.NOTARY_MATTERS), {
        label: { 'zh-CN': '公证事项', en: 'Notarial matter' },
        options: matterLabels,
    }),
    applicantName: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(50), {
        label: { 'zh-CN': '申请人姓名', en: 'Applicant' },
    }),
    usedAbroad: (0, plugin_sdk_1.field)(zod_1.z.boolean().default(false), {
        label: { 'zh-CN': '用于出国（境）', en: 'For use abroad' },
        help: {
            'zh-CN': '公证书需译文或认证时勾选',
            en: 'Tick when the certificate needs a translation or legalisation',
        },
    }),
    destination: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(1).max(100).optional(), {
        label: { 'zh-CN': '使用国家或地区', en: 'Country or region of use' },
    }),
    channel: (0, plugin_sdk_1.field)(zod_1.z.enum(['in-person', 'remote']).default('in-person'), {
        label: { 'zh-CN': '办理方式', en: 'How it is handled' },
        options: {
            'in-person': { 'zh-CN': '到公证处办理', en: 'At the notary office' },
            remote: { 'zh-CN': '远程视频公证', en: 'Remote video notarization' },
        },
    }),
    greenChannel: (0, plugin_sdk_1.field)(zod_1.z.boolean().default(false), {
        label: { 'zh-CN': '老弱病残绿色通道', en: 'Green channel (elderly, sick, disabled)' },
    }),
    greenChannelReason: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.GREEN_CHANNEL_REASONS).optional(), {
        label: { 'zh-CN': '绿色通道事由', en: 'Green channel reason' },
        options: {
            elderly: { 'zh-CN': '高龄老人', en: 'Elderly' },
            sick: { 'zh-CN': '患病行动不便', en: 'Ill or unable to travel' },
            disabled: { 'zh-CN': '残疾人', en: 'Disabled' },
        },
    }),
    expedited: (0, plugin_sdk_1.field)(zod_1.z.boolean().default(false), {
        label: { 'zh-CN': '加急办理', en: 'Expedited' },
        help: {
            'zh-CN': '出境、就医等急需用证时申请',
            en: 'When the certificate is urgently needed, e.g. for travel or treatment',
        },
    }),
})
    .superRefine(function (form, ctx) {
    if (form.usedAbroad && !form.destination) {
        ctx.addIssue({
            code: 'custom',
            path: ['destination'],
            message: 'is required for a certificate used abroad',
        });
    }
    if (form.greenChannel && !form.greenChannelReason) {
        ctx.addIssue({
            code: 'custom',
            path: ['greenChannelReason'],
            message: 'is required for the green channel',
        });
    }
});
