export * from './aliyun-sms.ts';
export * from './create-message-provider.ts';
export * from './log-provider.ts';
export * from './message-provider.ts';
export * from './robot-webhooks.ts';
export * from './sms-template.ts';
export * from './smtp-email.ts';
export * from './tencent-sms.ts';
