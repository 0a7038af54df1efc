export * from './render-pdf.ts';
export * from './render-report-pdf.ts';
