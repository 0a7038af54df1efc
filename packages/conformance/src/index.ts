export * from './check.ts';
export * from './kit-identity.ts';
export * from './kit-listener.ts';
export * from './kit-request.ts';
export * from './receiver-checks.ts';
export * from './report.ts';
export * from './run-conformance.ts';
export * from './sender-checks.ts';
