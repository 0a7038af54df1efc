export * from './provider-records.ts';
