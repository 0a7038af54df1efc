export * from './cli.ts';
export * from './dev-server.ts';
export * from './go-tool.ts';
export * from './test-server.ts';
