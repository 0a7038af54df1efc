export * from './inspection-checklist.ts';
export * from './inspection-service.ts';
export * from './scorecard-export.ts';
export * from './scorecard-formula.ts';
export * from './scorecard-service.ts';
export * from './scorecard-settings.ts';
