export * from './appraisal-advice.ts';
export * from './intake-form.ts';
export * from './plugin.ts';
