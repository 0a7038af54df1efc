export * from './checked-document.ts';
export * from './document-store.ts';
export * from './document-store-from-env.ts';
export * from './document-type.ts';
export * from './local-document-store.ts';
export * from './postgres-document-store.ts';
export * from './s3-client.ts';
export * from './s3-document-store.ts';
