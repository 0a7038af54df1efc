export * from './ensure-bm25-baseline.ts';
export * from './ensure-statute-wheel.ts';
