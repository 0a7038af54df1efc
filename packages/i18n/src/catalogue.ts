import type { zhCN } from './messages/zh-cn.ts';

/** The languages Linju ships. zh-CN comes first because it is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The platform's own keys; zh-CN's catalogue is the source of truth. */
export type CoreMessageKey = keyof typeof zhCN;
/**
 * The keys the installed plugins add, declared by the composition root (`@linju/plugins`) by
 * augmenting this interface: the catalogue never names a plugin, yet the app's keys are typed.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface PluginMessageKeys {}
/** Every message key of the app: the platform's and the installed plugins'. */
export type MessageKey = CoreMessageKey | (keyof PluginMessageKeys & string);
/** A complete core catalogue: exactly the keys of zh-CN, each a string. */
export type Messages = { readonly [K in CoreMessageKey]: string };

/** Parameters interpolated into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The core catalogues this process holds. Node (`index.ts`) adds both at start; a browser bundle
 * (`browser.ts`) holds only those it loaded (`loadCatalogue`): each is ~40 kB gzipped of the page's
 * first load, and a person reads one language.
 */
const catalogues: { [L in Locale]?: Messages } = {};

/** Each catalogue as its own module, so a bundler makes it its own chunk. */
const CATALOGUE_MODULES: { readonly [L in Locale]: () => Promise<Messages> } = {
  'zh-CN': async () => (await import('./messages/zh-cn.ts')).zhCN,
  en: async () => (await import('./messages/en.ts')).en,
};
const loading = new Map<Locale, Promise<void>>();

/** Adds a locale's core catalogue (Node adds both at start: `all-catalogues.ts`). */
export function addCatalogue(locale: Locale, messages: Messages) {
  catalogues[locale] = messages;
}

export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Loads a locale's core catalogue once (a browser, before rendering in that language). */
export function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = CATALOGUE_MODULES[locale]().then((messages) => addCatalogue(locale, messages));
    // A failed load (the network) may be tried again on the next render or navigation.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

function catalogueOf(locale: Locale): Readonly<Record<string, string>> {
  const core = catalogues[locale];
  if (!core) throw new Error(`The ${locale} catalogue is not loaded: loadCatalogue('${locale}') first`);
  return core;
}

/** Any loaded core catalogue: they all have the same keys (`Messages`, and `catalogue.test.ts`). */
function anyCatalogue(): Readonly<Record<string, string>> {
  return catalogues['zh-CN'] ?? catalogues.en ?? {};
}

/** The installed plugins' messages, added by the composition root when it loads. */
const pluginCatalogues: { readonly [L in Locale]: Map<string, string> } = {
  'zh-CN': new Map(),
  en: new Map(),
};

/**
 * Merges the installed plugins' messages into the catalogue (`@linju/plugins` calls it once per
 * process and bundle; adding the same messages again changes nothing). A key the platform already
 * has is refused: a plugin's keys all start with its id.
 */
export function addPluginMessages(messages: { readonly [L in Locale]: Readonly<Record<string, string>> }) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      if (Object.hasOwn(anyCatalogue(), key)) throw new Error(`The message key "${key}" is the platform's`);
      pluginCatalogues[locale].set(key, text);
    }
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Narrows a string that came from outside (an API error message, a role id from the database)
 * to a key, so callers can fall back gracefully when the server knows something this build doesn't.
 */
export function isMessageKey(value: unknown): value is MessageKey {
  return (
    typeof value === 'string' &&
    (Object.hasOwn(anyCatalogue(), value) || pluginCatalogues['zh-CN'].has(value))
  );
}

/** The message for `key` in `locale`, with `{placeholders}` replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const core = catalogueOf(locale);
  const message = Object.hasOwn(core, key) ? core[key] : pluginCatalogues[locale].get(key);
  // A key no installed plugin has (a plugin removed since) shows as itself rather than failing the page.
  return interpolate(message ?? key, params);
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
  return catalogueOf(locale) as Messages;
}
