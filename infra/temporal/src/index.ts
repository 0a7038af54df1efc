export * from './cli.ts';
export * from './dev-server.ts';
