import { defineMessages } from '@linju/plugin-sdk';

/** The counselling record's texts. */
export const messages = defineMessages('x-counselling', {
  'zh-CN': {
    'x-counselling.record.title': '心理疏导记录',
    'x-counselling.alert.risk_of_harm':
      '案件 {number}：来访者有自伤或伤人风险，已标为特急，请立即安排专业心理危机干预。',
  },
  en: {
    'x-counselling.record.title': 'Counselling record',
    'x-counselling.alert.risk_of_harm':
      'Matter {number}: the resident is at risk of harm to self or others; marked critical — arrange crisis support at once.',
  },
});
