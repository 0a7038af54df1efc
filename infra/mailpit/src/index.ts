export * from './ensure-mailpit.ts';
export * from './start-mailpit.ts';
