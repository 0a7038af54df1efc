export * from './intake-form.ts';
export * from './plugin.ts';
export * from './risk-report.ts';
