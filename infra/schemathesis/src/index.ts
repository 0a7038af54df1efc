export * from './ensure-pip-tool.ts';
export * from './ensure-schemathesis.ts';
export * from './request-signer.ts';
export * from './run-schemathesis.ts';
