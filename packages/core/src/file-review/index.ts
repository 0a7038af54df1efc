export * from './file-review-service.ts';
export * from './random-sample.ts';
