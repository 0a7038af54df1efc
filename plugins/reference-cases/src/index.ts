export * from './personal-data.ts';
export * from './plugin.ts';
export * from './reference-case-library.ts';
