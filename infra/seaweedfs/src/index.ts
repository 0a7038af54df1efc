export * from './ensure-weed.ts';
export * from './s3-server.ts';
