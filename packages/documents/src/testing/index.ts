// Test helpers: read a generated PDF back with pdf.js (a devDependency: tests only).
export * from './drawn-characters.ts';
export * from './pdf-text.ts';
