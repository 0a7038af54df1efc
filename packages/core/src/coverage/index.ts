export * from './coverage-service.ts';
export * from './district-boundary.ts';
export * from './service-circle.ts';
