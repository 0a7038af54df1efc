export * from './availability.ts';
export * from './expert-load.ts';
export * from './experts.ts';
export * from './opinion-requests.ts';
export * from './plugin.ts';
export * from './vocabulary.ts';
