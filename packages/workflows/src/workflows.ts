export { referralWorkflow } from './referral/referral-workflow.ts';
