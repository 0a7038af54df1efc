export * from './intake-form.ts';
export * from './plugin.ts';
