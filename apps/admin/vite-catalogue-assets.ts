import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:linju/catalogue-assets';
const RESOLVED = `\0${VIRTUAL}`;
/** The catalogues' modules in @linju/i18n, each its own chunk of the browser build. */
const CATALOGUE_MODULE = /\/packages\/i18n\/src\/messages\/(zh-cn|en)\.ts$/;
const LOCALE_OF_FILE = { 'zh-cn': 'zh-CN', en: 'en' } as const;

/**
 * `virtual:linju/catalogue-assets`: the address of each language's catalogue chunk in the browser
 * build, for the server to preload the page's language (`CataloguePreload`). React Router builds
 * the browser first, so the server build reads what the browser build named; the browser's own copy
 * is empty (it loads the chunk by `import()`), as is the dev server's.
 */
export function catalogueAssets(): Plugin {
  const assets: Record<string, string> = {};
  let base = '/';
  return {
    name: 'linju:catalogue-assets',
    // One instance across the browser and server builds: the server reads what the browser wrote.
    sharedDuringBuild: true,
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const serverBuild = this.environment.name !== 'client' && this.environment.config.command === 'build';
      if (serverBuild && Object.keys(assets).length !== Object.keys(LOCALE_OF_FILE).length)
        throw new Error(`the browser build named catalogue chunks for ${JSON.stringify(assets)} only`);
      return `export default ${JSON.stringify(this.environment.name === 'client' ? {} : assets)};`;
    },
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'client') return;
      for (const chunk of Object.values(bundle)) {
        const file =
          chunk.type === 'chunk' ? CATALOGUE_MODULE.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
        if (file) assets[LOCALE_OF_FILE[file as keyof typeof LOCALE_OF_FILE]] = `${base}${chunk.fileName}`;
      }
    },
  };
}
