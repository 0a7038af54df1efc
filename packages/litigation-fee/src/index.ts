export * from './fee-regulation-articles.ts';
export * from './litigation-fee.ts';
export * from './litigation-fee-query.ts';
export * from './resolution-paths.ts';
