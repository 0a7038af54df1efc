export * from './partner-link.ts';
export * from './referral-attachments.ts';
export * from './referral-effects.ts';
export * from './referral-exchange.ts';
export * from './referral-schemas.ts';
export * from './referral-service.ts';
export * from './referral-starts.ts';
export * from './referral-subject.ts';
