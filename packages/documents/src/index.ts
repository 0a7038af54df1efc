export * from './render-pdf.ts';
