import { describe, expect, it } from 'vitest';
// The browser's entry: no catalogue until one is loaded (this file's module registry is its own).
import { hasCatalogue, isMessageKey, loadCatalogue, translate } from './browser.ts';

describe('catalogues in a browser bundle', () => {
  it('holds none until one is loaded, and refuses to translate without it', () => {
    expect(hasCatalogue('zh-CN')).toBe(false);
    expect(hasCatalogue('en')).toBe(false);
    expect(() => translate('en', 'app.name')).toThrow(/en catalogue is not loaded/);
  });

  it('loads the language it shows and no other', async () => {
    const first = loadCatalogue('en');
    // A second render asking meanwhile waits on the same load.
    expect(loadCatalogue('en')).toBe(first);
    await first;
    expect(hasCatalogue('en')).toBe(true);
    expect(hasCatalogue('zh-CN')).toBe(false);
    expect(translate('en', 'app.name')).toBe('Linju');
    expect(() => translate('zh-CN', 'app.name')).toThrow(/zh-CN catalogue is not loaded/);
  });

  it('knows the platform keys from whichever catalogue it holds', () => {
    expect(isMessageKey('caseStatus.closed')).toBe(true);
    expect(isMessageKey('caseStatus.no-such-status')).toBe(false);
  });

  it('loads the other language on switching, once', async () => {
    await loadCatalogue('zh-CN');
    expect(translate('zh-CN', 'app.name')).toBe('邻居');
    await expect(loadCatalogue('zh-CN')).resolves.toBeUndefined();
  });
});
