import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The CJK faces, shipped by npm packages (no download at run time, SIL OFL): Noto Sans SC for
 * figure reports and the 黑体 of headings, Noto Serif SC for official documents (公文), standing in
 * for 小标宋 and 仿宋, which no npm package ships under a free licence. The files are ~10 MB each;
 * they are read once per process and only the glyphs a document uses go into its PDF (subset).
 */
export const CJK_FONT_FILES = {
  'sans-regular': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'sans-bold': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'serif-regular': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'serif-bold': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type CjkFace = keyof typeof CJK_FONT_FILES;

const cache = new Map<CjkFace, Uint8Array>();

/** The bytes of a CJK face. */
export function cjkFont(face: CjkFace): Uint8Array {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = readFileSync(require.resolve(CJK_FONT_FILES[face]));
    cache.set(face, bytes);
  }
  return bytes;
}
