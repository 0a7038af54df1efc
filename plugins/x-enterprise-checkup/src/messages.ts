import { defineMessages, type PluginMessageKey, pluginMessage } from '@linju/plugin-sdk';

/** The check-up's texts: its case page, the report's levels, the timeline and the audit log. */
export const messages = defineMessages('x-enterprise-checkup', {
  'zh-CN': {
    'x-enterprise-checkup.page.title': '{number} 的企业法治体检',
    'x-enterprise-checkup.page.enterprise': '受检企业',
    'x-enterprise-checkup.page.employees': '员工人数',
    'x-enterprise-checkup.page.employees_count': '{count} 人',
    'x-enterprise-checkup.page.level': '风险等级',
    'x-enterprise-checkup.page.findings': '发现的风险（按严重程度排列）',
    'x-enterprise-checkup.page.no_findings': '未发现明显法律风险。',
    'x-enterprise-checkup.page.report': '体检报告',
    'x-enterprise-checkup.page.not_issued': '尚未出具体检报告。',
    'x-enterprise-checkup.page.download': '下载体检报告（{date} 出具）',
    'x-enterprise-checkup.page.issue': '出具体检报告',
    'x-enterprise-checkup.page.reissue': '重新出具体检报告',
    'x-enterprise-checkup.page.issue_hint':
      '按公文格式生成 PDF 报告，存入本案件材料，可下载打印后交企业签收。',
    'x-enterprise-checkup.level.high': '高风险',
    'x-enterprise-checkup.level.medium': '中风险',
    'x-enterprise-checkup.level.low': '低风险',
    'x-enterprise-checkup.severity.high': '严重',
    'x-enterprise-checkup.severity.medium': '一般',
    'x-enterprise-checkup.timeline.report_issued': '出具企业法律体检报告（{level}）',
    'x-enterprise-checkup.audit.report.issued': '出具企业法律体检报告',
    'x-enterprise-checkup.no_questionnaire': '本案件没有完整的体检问卷，无法出具报告。',
  },
  en: {
    'x-enterprise-checkup.page.title': 'Enterprise legal check-up for {number}',
    'x-enterprise-checkup.page.enterprise': 'Enterprise',
    'x-enterprise-checkup.page.employees': 'Employees',
    'x-enterprise-checkup.page.employees_count': '{count}',
    'x-enterprise-checkup.page.level': 'Risk level',
    'x-enterprise-checkup.page.findings': 'Risks found (most serious first)',
    'x-enterprise-checkup.page.no_findings': 'No evident legal risk found.',
    'x-enterprise-checkup.page.report': 'Check-up report',
    'x-enterprise-checkup.page.not_issued': 'No report issued yet.',
    'x-enterprise-checkup.page.download': 'Download the report (issued {date})',
    'x-enterprise-checkup.page.issue': 'Issue the report',
    'x-enterprise-checkup.page.reissue': 'Issue the report again',
    'x-enterprise-checkup.page.issue_hint':
      'A PDF in the official document layout, filed with the case’s documents, to print and hand to the enterprise.',
    'x-enterprise-checkup.level.high': 'High risk',
    'x-enterprise-checkup.level.medium': 'Medium risk',
    'x-enterprise-checkup.level.low': 'Low risk',
    'x-enterprise-checkup.severity.high': 'Serious',
    'x-enterprise-checkup.severity.medium': 'Moderate',
    'x-enterprise-checkup.timeline.report_issued': 'Enterprise legal check-up report issued ({level})',
    'x-enterprise-checkup.audit.report.issued': 'Check-up report issued',
    'x-enterprise-checkup.no_questionnaire': 'The case has no complete check-up questionnaire to report on.',
  },
});

export type CheckupMessageKey = PluginMessageKey<typeof messages>;

/** A text for the record (the timeline): in Chinese, the language the case file is kept in. */
export const recordText = (key: CheckupMessageKey, params?: Record<string, string | number>): string =>
  pluginMessage(messages, 'zh-CN', key, params);
