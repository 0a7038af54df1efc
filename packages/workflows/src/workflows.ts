export { referralWorkflow } from './referral/referral-workflow.ts';
export { monthlySweepWorkflow, timeLimitEscalationWorkflow } from './schedules/schedule-workflows.ts';
