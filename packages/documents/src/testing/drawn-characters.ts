import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One character of a document's text as pdf.js draws it. */
export type DrawnCharacter = {
  page: number;
  character: string;
  /** The font pdf.js loaded for it (one per embedded font). */
  font: string;
  /** The glyph's outline as pdf.js draws it (drawing commands and coordinates); empty: nothing drawn. */
  outline: readonly number[];
};

type Glyph = { unicode: string; fontChar: string; isSpace: boolean };

/**
 * Renders a PDF with pdf.js (Firefox's renderer) the way it draws in Node, glyph by glyph from the
 * embedded fonts' outlines, and returns every character it shows with the outline it draws.
 * Text extraction reads the ToUnicode map and cannot see a broken font; this reads what is drawn.
 */
export async function drawnCharacters(bytes: Uint8Array): Promise<DrawnCharacter[]> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    // Keeps each glyph's outline in commonObjs once drawn, so it can be read back.
    fontExtraProperties: true,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const drawn: DrawnCharacter[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const { fnArray, argsArray } = await page.getOperatorList();
      let font = '';
      fnArray.forEach((op, index) => {
        const args = argsArray[index];
        if (op === OPS.setFont) font = args[0];
        if (op !== OPS.showText) return;
        for (const glyph of args[0] as (Glyph | number | null)[]) {
          if (glyph === null || typeof glyph === 'number' || /^\s*$/u.test(glyph.unicode)) continue;
          const id = `${font}_path_${glyph.fontChar}`;
          const outline = page.commonObjs.has(id)
            ? Array.from((page.commonObjs.get(id) as { path: ArrayLike<number> }).path)
            : [];
          drawn.push({ page: number, character: glyph.unicode, font, outline });
        }
      });
    }
  } finally {
    await task.destroy();
  }
  return drawn;
}

/**
 * The characters of a PDF's text that are not drawn as themselves: those whose glyph has no outline,
 * and those drawn with the same outline as a different character of the same font (a renderer's
 * stand-in for a glyph it could not read, such as the empty box of .notdef). Empty when every
 * character is drawn.
 */
export async function undrawnCharacters(bytes: Uint8Array): Promise<string[]> {
  const drawn = await drawnCharacters(bytes);
  const charactersOf = new Map<string, Set<string>>();
  for (const { font, character, outline } of drawn) {
    const key = `${font}:${outline.join(',')}`;
    charactersOf.set(key, (charactersOf.get(key) ?? new Set()).add(character));
  }
  const undrawn = drawn.filter(
    ({ font, character, outline }) =>
      outline.length === 0 || (charactersOf.get(`${font}:${outline.join(',')}`)?.size ?? 0) > 1 || !character,
  );
  return [...new Set(undrawn.map((d) => d.character))];
}
