import { readFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedCjkFonts } from '../embed-cjk-fonts.ts';
import { undrawnCharacters } from './drawn-characters.ts';

describe('undrawnCharacters', { timeout: 30_000 }, () => {
  it('finds nothing missing when every glyph has its own outline', async () => {
    const pdf = await PDFDocument.create();
    const [font] = await embedCjkFonts(pdf, ['serif-regular']);
    pdf.addPage().drawText('人民调解协议书 No.12', { x: 20, y: 500, size: 14, font });
    expect(await undrawnCharacters(await pdf.save())).toEqual([]);
  });

  it('names the characters the old subset of Noto Sans SC left blank', async () => {
    // 人民调解协议书 as pdf-lib 1.17 with @pdf-lib/fontkit embedded it: glyph offsets shifted by the
    // odd bytes it dropped, so Chrome, pdf.js and poppler draw only 解 and 书; its text extracts whole.
    const broken = readFileSync(new URL('./fixtures/broken-noto-subset.pdf', import.meta.url));
    expect(await undrawnCharacters(broken)).toEqual(['人', '民', '调', '协', '议']);
  });
});
