const NAME = '[\\u4e00-\\u9fa5·]{1,3}';
// Common surnames, for 张先生 and 老王 (not those that are also everyday words: 于, 万, 钱, 高, 方…).
const SURNAME =
  '[王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦邹孟熊秦邱江尹薛闫雷侯龙史陶黎贺顾毛郝龚邵严覃戴莫孔汤]';

// Longest numbers first: an ID number holds a mobile-like run.
const SCRUBS: readonly (readonly [RegExp, string])[] = [
  [/(?<!\d)\d{17}[\dXx](?!\d)/g, '【身份证号】'],
  [/(?<!\d)\d{16,19}(?!\d)/g, '【卡号】'],
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '【电话】'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '【电话】'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '【邮箱】'],
  [new RegExp(`(我叫|姓名[:：]?|名叫)${NAME}`, 'g'), '$1【姓名】'],
  [new RegExp(`${SURNAME}(?:先生|女士|小姐|阿姨|师傅|某某?)`, 'g'), '【姓名】'],
  [new RegExp(`[老小]${SURNAME}`, 'g'), '【姓名】'],
];

/**
 * A question with the personal data one can detect replaced by what it was (【电话】): mobile and
 * landline numbers, ID and bank-card numbers, e-mail addresses, and names where the words say one
 * follows (我叫…, 姓名…, 张先生). Kept questions are the district's, never a resident's.
 */
export function scrubQuestion(question: string): string {
  return SCRUBS.reduce((text, [pattern, mark]) => text.replace(pattern, mark), question.trim());
}
