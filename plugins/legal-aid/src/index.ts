export * from './eligibility.ts';
export * from './hardship-check.ts';
export * from './intake-form.ts';
export * from './legal-aid-records.ts';
export * from './matters.ts';
export * from './plugin.ts';
