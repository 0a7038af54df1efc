export { referralWorkflow } from './referral/referral-workflow.ts';
export {
  dutyReminderWorkflow,
  monthlySweepWorkflow,
  timeLimitEscalationWorkflow,
} from './schedules/schedule-workflows.ts';
export { statisticsReportWorkflow } from './statistics/statistics-report-workflow.ts';
