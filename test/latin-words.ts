import type { Page } from 'playwright-core';

/**
 * One language (issue #17): how a browser test reads a zh-CN page for Latin words. Shared by the
 * scan of every page the navigation reaches and the journey of one matter.
 */

/** Names and units a Chinese page writes in Latin letters, as Chinese readers expect them. */
const ALLOWED = new Set([
  'English', // the language switch names its language in that language
  'PDF',
  'OFD', // the national standard's format of electronic documents
  'JPEG',
  'PNG',
  'HEIC',
  'Word',
  'Excel',
  'XLSX',
  'CSV',
  'UTF',
  'GBK',
  'GB',
  'ID',
  'QR',
  'MB',
  'KB',
  'km',
  'API',
  'OpenAPI',
  'HSDS',
  'WeChat',
  'Linju',
]);

/** Data shown as data, taken out before the words are read: it is what it is in any language. */
const DATA = [
  /https?:\/\/\S+/g, // addresses
  /\.(pdf|ofd|docx?|xlsx?|csv|txt|png|jpe?g|heic)\b/gi, // file names' extensions
  /[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi, // e-mail
  /\b[A-Z]{1,6}-\d{4}-\d{6}\b/g, // case numbers (XH-2026-000123)
  /\b[0-9a-f]{8,}\b/gi, // ids and hashes
  /\b[A-Za-z]*\d[\w-]*\b/g, // anything with a digit in it: references, versions, codes of the partner's own
];

/** The Latin words of a page's visible text that are neither allowed nor data. */
export function latinWords(text: string): string[] {
  const stripped = DATA.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
  const words = stripped.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.has(word)))];
}

/**
 * The page's visible text without what is data or deliberately another language: code (user
 * names, commands, division codes), text marked `lang` other than Chinese (a district's English
 * name), `translate="no"`, and what is hidden from readers (a colour sample).
 */
export async function visibleProse(page: Page): Promise<string> {
  return page.evaluate(() => {
    const aside = 'code, pre, kbd, samp, [translate="no"], [aria-hidden="true"], [lang]:not([lang|="zh"])';
    const hidden = [...document.body.querySelectorAll<HTMLElement>(aside)].map((element) => {
      const display = element.style.display;
      element.style.display = 'none';
      return () => {
        element.style.display = display;
      };
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is read, not scripts or closed details
    const text = document.body.innerText;
    // The page is left as it was: a journey goes on working on it.
    for (const restore of hidden) restore();
    return text;
  });
}

/** The Latin words of the page's visible prose, as `<where>: <words>`, or nothing when there are none. */
export async function latinWordsOn(page: Page, where: string): Promise<string[]> {
  const words = latinWords(await visibleProse(page));
  return words.length > 0 ? [`${where}: ${words.join(' ')}`] : [];
}
