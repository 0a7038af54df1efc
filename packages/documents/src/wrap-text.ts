import type { PDFFont } from '@cantoo/pdf-lib';

/** Punctuation that never starts a line in Chinese typesetting (禁则): it hangs at the line's end. */
const NO_LINE_START = /^[，。、；：？！）》」』〕】”’…·,.;:?!)]$/u;

/**
 * Wraps text to a width. Chinese breaks between any two characters; a run of Latin letters or
 * digits is kept whole where it fits, so numbers and names are not split; closing punctuation
 * hangs in the margin rather than start the next line.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[A-Za-z0-9.,:;%/@_-]+|\s+|./gu) ?? [];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line === '' || NO_LINE_START.test(token) || font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
      // A single token wider than the line (a very long number) is broken by character.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
