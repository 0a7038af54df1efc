export * from './notification-channel.ts';
export * from './notification-service.ts';
