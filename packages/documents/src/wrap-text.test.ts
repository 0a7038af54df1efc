import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedCjkFonts } from './embed-cjk-fonts.ts';
import { wrapText } from './wrap-text.ts';

describe('wrapping Chinese text', () => {
  it('never starts a line with closing punctuation: it hangs at the end of the line before', async () => {
    const [font] = await embedCjkFonts(await PDFDocument.create(), ['serif-regular']);
    const width = font.widthOfTextAtSize('本协议一式三份', 12);
    const lines = wrapText('本协议一式三份，当事人各执一份。本协议自签名之日起生效。', font, 12, width);
    expect(lines[0]).toBe('本协议一式三份，');
    expect(lines.filter((line) => /^[，。]/u.test(line))).toEqual([]);
    expect(lines.join('')).toBe('本协议一式三份，当事人各执一份。本协议自签名之日起生效。');
  });
});
