export * from './volunteer-service.ts';
