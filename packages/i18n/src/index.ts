// The package as Node (the server, the worker, the CLI, tests) sees it: every catalogue loaded at
// start. A browser bundle resolves `browser.ts` instead (package.json's `browser` condition) and
// loads the one language it shows (`loadCatalogue`).
import './all-catalogues.ts';

export * from './browser.ts';
