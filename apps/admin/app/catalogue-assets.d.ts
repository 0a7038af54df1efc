declare module 'virtual:linju/catalogue-assets' {
  /** Each language's catalogue chunk in the browser build (`vite-catalogue-assets.ts`); empty in the browser. */
  const assets: Readonly<Partial<Record<import('@linju/i18n').Locale, string>>>;
  export default assets;
}
