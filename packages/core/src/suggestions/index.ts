export * from './suggestion-box.ts';
