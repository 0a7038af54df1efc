export * from './coverage-service.ts';
export * from './service-circle.ts';
