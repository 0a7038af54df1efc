export * from './activities.ts';
export * from './exchange-delivery.ts';
export * from './message-delivery.ts';
export * from './plugin-activities.ts';
export * from './reconciler.ts';
export * from './worker.ts';
export * from './worker-config.ts';
