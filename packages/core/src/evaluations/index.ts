export * from './inspection-checklist.ts';
export * from './inspection-service.ts';
export * from './scorecard-formula.ts';
export * from './scorecard-service.ts';
