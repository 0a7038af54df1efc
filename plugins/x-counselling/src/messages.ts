import { defineMessages } from '@linju/plugin-sdk';

/** The counselling record's texts. */
export const messages = defineMessages('x-counselling', {
  'zh-CN': { 'x-counselling.record.title': '心理疏导记录' },
  en: { 'x-counselling.record.title': 'Counselling record' },
});
