export { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
export * from './metrics-access.ts';
export * from './metrics-response.ts';
export * from './pool-figures.ts';
