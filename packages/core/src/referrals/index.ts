export * from './referral-effects.ts';
export * from './referral-exchange.ts';
export * from './referral-schemas.ts';
export * from './referral-service.ts';
export * from './referral-subject.ts';
