"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.legalEducationIntakeForm = exports.EDUCATION_THEMES = exports.EVENT_TYPE_NAMES = exports.EVENT_TYPES = void 0;
var plugin_sdk_1 = require("@linju/plugin-sdk");
var zod_1 = require("zod");
/** Kinds of event: lectures, themed campaigns, and the seeds' "into worksites, firms, communities, markets". */
exports.EVENT_TYPES = [
    'lecture',
    'campaign',
    'into-worksites',
    'into-firms',
    'into-communities',
    'into-markets',
];
/** Names of {@link EVENT_TYPES}. */
exports.EVENT_TYPE_NAMES = {
    lecture: { 'zh-CN': '法治讲座', en: 'Lecture' },
    campaign: { 'zh-CN': '主题宣传活动', en: 'Themed campaign' },
    'into-worksites': { 'zh-CN': '送法进工地', en: 'Into worksites' },
    'into-firms': { 'zh-CN': '送法进企业', en: 'Into firms' },
    'into-communities': { 'zh-CN': '送法进社区', en: 'Into communities' },
    'into-markets': { 'zh-CN': '送法进市场', en: 'Into markets' },
};
/** Themes of legal publicity from the seeds, plus frequent local ones. */
exports.EDUCATION_THEMES = [
    'xi-rule-of-law-thought',
    'constitution',
    'civil-code',
    'labour-wages',
    'anti-fraud',
    'minors',
    'elderly',
    'other',
];
var THEME_NAMES = {
    'xi-rule-of-law-thought': { 'zh-CN': '习近平法治思想', en: 'Xi Jinping Thought on the Rule of Law' },
    constitution: { 'zh-CN': '宪法', en: 'The Constitution' },
    'civil-code': { 'zh-CN': '民法典', en: 'The Civil Code' },
    'labour-wages': { 'zh-CN': '劳动法律与治欠保支', en: 'Labour law and unpaid wages' },
    'anti-fraud': { 'zh-CN': '防范电信网络诈骗', en: 'Telecom and online fraud' },
    minors: { 'zh-CN': '未成年人保护', en: 'Protection of minors' },
    elderly: { 'zh-CN': '老年人权益保障', en: "Elderly people's rights" },
    other: { 'zh-CN': '其他', en: 'Other' },
};
/** The form recording a legal-education event (planned or held). */
exports.legalEducationIntakeForm = zod_1.z.object({
    title: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(2).max(100), { label: { 'zh-CN': '活动名称', en: 'Title' } }),
    eventType: (0, plugin_sdk_1.field)(zod_1.z.enum(exports.EVENT_TYPES), {
        label: { 'zh-CN': '活动形式', en: 'Kind of event' },
        options: exports.EVENT_TYPE_NAMES,
    }),
    themes: (0, plugin_sdk_1.field)(zod_1.z.array(zod_1.z.enum(exports.EDUCATION_THEMES)).min(1).max(exports.EDUCATION_THEMES.length), {
        label: { 'zh-CN': '宣传主题', en: 'Themes' },
        options: THEME_NAMES,
    }),
    venue: (0, plugin_sdk_1.field)(zod_1.z.string().trim().min(2).max(200), { label: { 'zh-CN': '活动地点', en: 'Venue' } }),
    date: (0, plugin_sdk_1.field)(zod_1.z.iso.date(), { label: { 'zh-CN': '活动日期', en: 'Date' } }),
    attendance: (0, plugin_sdk_1.field)(zod_1.z.int().min(0).max(1000000).optional(), {
        label: { 'zh-CN': '参与人数', en: 'Attendance' },
        help: { 'zh-CN': '活动结束后填写', en: 'Filled in after the event' },
    }),
    materialsHandedOut: (0, plugin_sdk_1.field)(zod_1.z.int().min(0).max(10000000).optional(), {
        label: { 'zh-CN': '发放宣传资料（份）', en: 'Materials handed out (copies)' },
    }),
});
