// The release bundle keeps only these files of the font package (it ships every weight).
export { CJK_FONT_FILES } from './cjk-font.ts';
export * from './render-pdf.ts';
export * from './render-report-pdf.ts';
