export * from '@linju/federation/referral-states';
export * from './referral/activities.ts';
export * from './referral/definitions.ts';
export type * from './referral/referral-types.ts';
// Type only: clients start the workflow by name; its code is bundled by path (`workflowsPath`).
export type { referralWorkflow } from './referral/referral-workflow.ts';
export * from './task-queues.ts';
export * from './workflows-path.ts';
