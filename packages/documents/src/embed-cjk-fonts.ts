import fontkit, { type Font, type FontCollection } from '@cantoo/fontkit';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { type CjkFace, cjkFont } from './cjk-font.ts';

/**
 * fontkit with its parsed fonts kept: parsing a ~10 MB face takes a quarter of a second, and a
 * worker making documents all day would otherwise pay it for every one. Only the parse is shared;
 * each document still makes its own subset.
 */
type Parsed = Font | FontCollection;
const parsedFonts = new Map<Uint8Array, Parsed>();
const cachingFontkit = {
  // Our faces are single fonts, never collections: no PostScript name to pick one by.
  create(data: Uint8Array): Parsed {
    let font = parsedFonts.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/**
 * Embeds CJK faces as subsets (only the glyphs a document uses), so a page of Chinese is a few
 * kilobytes and its text can be searched and copied. fontkit's subset keeps the source's long
 * glyph offsets: @pdf-lib/fontkit rewrote them short and lost the odd byte of every glyph whose
 * length is odd, so half the characters drew nothing (Noto's glyphs are not padded).
 */
export async function embedCjkFonts<const F extends readonly CjkFace[]>(
  pdf: PDFDocument,
  faces: F,
): Promise<{ [K in keyof F]: PDFFont }> {
  pdf.registerFontkit(cachingFontkit);
  return Promise.all(faces.map((face) => pdf.embedFont(cjkFont(face), { subset: true }))) as Promise<{
    [K in keyof F]: PDFFont;
  }>;
}
