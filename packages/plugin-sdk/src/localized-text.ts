import { z } from 'zod';

/** The locales every plugin text is written in: zh-CN is the default, en the second language. */
export type Locale = 'zh-CN' | 'en';

/** A text in both platform locales. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * Validates a {@link LocalizedText}: both texts present, and the zh-CN text actually Chinese, which
 * catches the easy mistake of swapped or untranslated texts.
 */
export const localizedTextSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1, 'is empty').regex(HAN, 'must be written in Chinese'),
  en: z.string().trim().min(1, 'is empty'),
});
