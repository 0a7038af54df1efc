export * from './case-rollups.ts';
export * from './case-tally.ts';
export * from './city-rollup.ts';
export * from './rollup-recount.ts';
export * from './statistics-query.ts';
export * from './statistics-report.ts';
