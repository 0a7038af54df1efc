import { interpolate } from '@linju/i18n';
import type { Locale } from './localized-text.ts';

/** A plugin's messages: the same keys (each `<plugin id>.…`) in both locales. */
export interface PluginMessages<TKey extends string = string> {
  readonly pluginId: string;
  readonly 'zh-CN': Readonly<Record<TKey, string>>;
  readonly en: Readonly<Record<TKey, string>>;
}

/** The keys of a plugin's messages. */
export type PluginMessageKey<TMessages> = TMessages extends PluginMessages<infer TKey> ? TKey : never;

/** Parameters interpolated into `{name}` placeholders. */
export type PluginMessageParams = Readonly<Record<string, string | number>>;

// Written as the type a wrong key must have, so the compiler's complaint says what is wrong.
type PrefixRule<TId extends string> = `a message key must start with "${TId}."`;
type MissingRule = 'this key is missing in zh-CN';

/** zh-CN's keys must carry the prefix; en must have exactly zh-CN's keys. */
type Checked<TId extends string, TZh, TEn> = {
  readonly 'zh-CN': { readonly [K in keyof TZh]: K extends `${TId}.${string}` ? string : PrefixRule<TId> };
  readonly en: { readonly [K in keyof TZh]: string } & {
    readonly [K in Exclude<keyof TEn, keyof TZh>]: MissingRule;
  };
};

/**
 * Declares a plugin's messages (its screens' texts and the keys of its `PluginRuleError`s). At
 * compile time, a key without the `<id>.` prefix or a key one locale has and the other lacks is
 * an error on that key; at run time the same is checked, for plain objects.
 */
export function defineMessages<
  const TId extends string,
  const TZh extends Record<string, string>,
  const TEn extends Record<string, string>,
>(
  pluginId: TId,
  messages: { readonly 'zh-CN': TZh; readonly en: TEn } & Checked<TId, TZh, TEn>,
): PluginMessages<keyof TZh & string> {
  const problems = messageProblems(pluginId, messages);
  if (problems.length > 0) throw new Error(`Messages of plugin "${pluginId}": ${problems.join('; ')}`);
  return { pluginId, 'zh-CN': messages['zh-CN'], en: messages.en } as PluginMessages<keyof TZh & string>;
}

/** What is wrong with a plugin's messages: keys without the prefix, keys missing in a locale, empty texts. */
export function messageProblems(
  pluginId: string,
  messages: {
    readonly 'zh-CN': Readonly<Record<string, string>>;
    readonly en: Readonly<Record<string, string>>;
  },
): string[] {
  const zh = Object.keys(messages['zh-CN']);
  const en = Object.keys(messages.en);
  return [
    ...zh
      .filter((key) => !key.startsWith(`${pluginId}.`))
      .map((key) => `"${key}" must start with "${pluginId}."`),
    ...zh.filter((key) => !Object.hasOwn(messages.en, key)).map((key) => `"${key}" is missing in en`),
    ...en
      .filter((key) => !Object.hasOwn(messages['zh-CN'], key))
      .map((key) => `"${key}" is missing in zh-CN`),
    ...(['zh-CN', 'en'] as const).flatMap((locale) =>
      Object.entries(messages[locale])
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => `"${key}" is empty in ${locale}`),
    ),
  ];
}

/** The text of `key` in `locale`, with `{placeholders}` replaced; a placeholder without a value stays visible. */
export function pluginMessage<TKey extends string>(
  messages: PluginMessages<TKey>,
  locale: Locale,
  key: TKey,
  params?: PluginMessageParams,
): string {
  return interpolate(messages[locale][key] ?? key, params);
}
