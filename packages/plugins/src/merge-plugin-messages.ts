import type { Locale, PluginMessages } from '@linju/plugin-sdk';

/** The messages of several plugins as one catalogue per locale (their keys never meet: each has its id's prefix). */
export function mergePluginMessages(messages: readonly PluginMessages[]): {
  readonly [L in Locale]: Readonly<Record<string, string>>;
} {
  return {
    'zh-CN': Object.assign({}, ...messages.map((m) => m['zh-CN'])),
    en: Object.assign({}, ...messages.map((m) => m.en)),
  };
}
