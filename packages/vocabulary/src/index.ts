export * from './activity-measures.ts';
export * from './audit-vocabulary.ts';
export * from './case-vocabulary.ts';
export * from './message-vocabulary.ts';
export * from './organisation-kinds.ts';
export * from './permissions.ts';
export * from './referral-vocabulary.ts';
export * from './roles.ts';
