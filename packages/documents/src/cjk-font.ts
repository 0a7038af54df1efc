import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC, shipped by an npm package (no download at run time). The files are ~10 MB each;
 * they are read once per process and only the glyphs a document uses go into its PDF (subset).
 */
export const CJK_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const cache = new Map<keyof typeof CJK_FONT_FILES, Uint8Array>();

/** The bytes of a weight of the CJK font. */
export function cjkFont(weight: keyof typeof CJK_FONT_FILES): Uint8Array {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(CJK_FONT_FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
