import { defineMessages } from '@linju/plugin-sdk';

/** Judicial appraisal's texts: its page and the refusals of its rules. */
export const messages = defineMessages('appraisal', {
  'zh-CN': {
    'appraisal.page.title': '{number} 的司法鉴定咨询',
    'appraisal.page.intro':
      '就损伤程度、伤残等级、精神状况、民事行为能力等鉴定事项答复群众；需要鉴定的，可转介鉴定机构（须当事人同意共享信息）。',
    'appraisal.page.given': '咨询答复',
    'appraisal.page.none': '尚无答复记录。',
    'appraisal.page.give': '记录答复',
    'appraisal.page.submit': '保存答复',
    'appraisal.page.type': '鉴定类型',
    'appraisal.page.advice': '答复内容',
    'appraisal.page.advice_hint': '是否需要鉴定、需准备的材料、费用等。',
    'appraisal.page.institution': '转介鉴定机构',
    'appraisal.page.institution_hint':
      '选择后将向该机构发起转介，跟踪至其答复；须先在案件页记录群众同意向该机构提供信息。',
    'appraisal.page.no_referral': '暂不转介',
    'appraisal.page.referred': '已转介：{institution}。',
    'appraisal.page.follow_referral': '查看转介',
    'appraisal.page.institution_answer': '机构答复：{answer}',
    'appraisal.page.not_referred': '未转介鉴定机构。',
    'appraisal.not_an_institution': '请选择鉴定机构（登记为部门类合作单位）。',
    // The audit log's names of this plugin's actions and object types (`appraisal.audit.<what>`).
    'appraisal.audit.advice.given': '答复鉴定咨询',
  },
  en: {
    'appraisal.page.title': 'Appraisal consultation of {number}',
    'appraisal.page.intro':
      'Advice to residents on appraisals of injury degree, disability grade, mental state and civil capacity; where an appraisal is needed, refer the case to an appraisal institution (the resident must consent to sharing).',
    'appraisal.page.given': 'Advice given',
    'appraisal.page.none': 'No advice recorded yet.',
    'appraisal.page.give': 'Record advice',
    'appraisal.page.submit': 'Save advice',
    'appraisal.page.type': 'Type of appraisal',
    'appraisal.page.advice': 'Advice',
    'appraisal.page.advice_hint': 'Whether an appraisal helps, what it needs, what it costs.',
    'appraisal.page.institution': 'Refer to an appraisal institution',
    'appraisal.page.institution_hint':
      'Choosing one sends a referral to it, tracked until it answers; record the resident’s consent to share with it on the case page first.',
    'appraisal.page.no_referral': 'No referral for now',
    'appraisal.page.referred': 'Referred to {institution}.',
    'appraisal.page.follow_referral': 'See referrals',
    'appraisal.page.institution_answer': 'The institution answered: {answer}',
    'appraisal.page.not_referred': 'Not referred to an institution.',
    'appraisal.not_an_institution': 'Choose an appraisal institution (a partner registered as a department).',
    // The audit log's names of this plugin's actions and object types (`appraisal.audit.<what>`).
    'appraisal.audit.advice.given': 'Appraisal advice given',
  },
});
