export { checkBatch, MAX_BATCH_CALLS } from './batch-limits.ts';
export type { HealthResponse } from './procedures/health/check.ts';
export {
  applyReferralEvent,
  applyReferralNote,
  initialEffectKey,
  startReceivedReferralWorkflow,
} from './procedures/referral/engine.ts';
export * from './router.ts';
export type { ApiContext, Logger, WorkflowEngine } from './trpc.ts';
