export { checkBatch, MAX_BATCH_CALLS } from './batch-limits.ts';
export type { FormSubmission } from './form-submission.ts';
export type { HealthResponse } from './procedures/health/check.ts';
export * from './router.ts';
export type { ApiContext, Logger } from './trpc.ts';
