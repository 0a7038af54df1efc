import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-cn.ts';

/** The languages Linju ships. zh-CN comes first because it is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every message key; zh-CN's catalogue is the source of truth. */
export type MessageKey = keyof typeof zhCN;
/** A complete catalogue: exactly the keys of zh-CN, each a string. */
export type Messages = { readonly [K in MessageKey]: string };

/** Parameters interpolated into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: { readonly [L in Locale]: Messages } = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Narrows a string that came from outside (an API error message, a role id from the database)
 * to a key, so callers can fall back gracefully when the server knows something this build doesn't.
 */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(zhCN, value);
}

/** The message for `key` in `locale`, with `{placeholders}` replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogues[locale][key], params);
}

/** Replaces the `{placeholders}` of a message from `params` (plugins' catalogues use it too). */
export function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message;
  // A placeholder without a parameter stays visible: a mistake shows up on screen instead of as an empty gap.
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The whole catalogue of a locale, for tooling and tests. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
