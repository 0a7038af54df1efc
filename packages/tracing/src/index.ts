export * from './start-tracing.ts';
export * from './tracing-config.ts';
