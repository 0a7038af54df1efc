export * from './booking.ts';
export * from './documents-checklist.ts';
export * from './green-channel.ts';
export * from './intake-form.ts';
export * from './notary-matters.ts';
export * from './plugin.ts';
