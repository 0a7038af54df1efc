export * from './adviser.ts';
export * from './audit.ts';
export * from './catalogue.ts';
export * from './organisation.ts';
export * from './session.ts';
export * from './staff.ts';
export * from './tenancy.ts';
export * from './tenant.ts';
