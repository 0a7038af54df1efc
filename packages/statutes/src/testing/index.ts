export * from './assistant-articles.ts';
export * from './statute-fixture.ts';
