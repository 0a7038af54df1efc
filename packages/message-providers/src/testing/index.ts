export * from './aliyun-sms-standin.ts';
export * from './robot-standins.ts';
export * from './tencent-sms-standin.ts';
