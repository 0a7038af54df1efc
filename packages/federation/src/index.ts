/** The referral state machine is also importable alone, as `@linju/federation/referral-states` (no Node built-ins: workflow code uses it). */
export * from './address.ts';
export * from './content-digest.ts';
export * from './exchange-paths.ts';
export * from './http-signature.ts';
export * from './node-key.ts';
export * from './nonce-cache.ts';
export * from './peer-request.ts';
export * from './private-address.ts';
export * from './referral-messages.ts';
export * from './signature-base.ts';
export * from './signed-delivery.ts';
export * from './signed-fetch.ts';
export * from './structured-fields.ts';
export * from './well-known.ts';
