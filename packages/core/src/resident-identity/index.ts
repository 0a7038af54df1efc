export * from './resident-code.ts';
export * from './resident-code-limits.ts';
export * from './resident-matters.ts';
export * from './resident-session.ts';
export * from './resident-sign-out.ts';
