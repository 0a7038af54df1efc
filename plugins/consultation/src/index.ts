export * from './consultation-log.ts';
export * from './intake-form.ts';
export * from './plugin.ts';
export * from './vocabulary.ts';
