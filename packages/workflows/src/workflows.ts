export { hotlineImportWorkflow } from './cases/hotline-import-workflow.ts';
export { pluginDailyWorkflow } from './plugins/plugin-workflows.ts';
export { referralWorkflow } from './referral/referral-workflow.ts';
export {
  dutyReminderWorkflow,
  lateReportsWorkflow,
  monthlySweepWorkflow,
  timeLimitEscalationWorkflow,
} from './schedules/schedule-workflows.ts';
export { cityStatisticsWorkflow } from './statistics/city-statistics-workflow.ts';
export { statisticsReportWorkflow } from './statistics/statistics-report-workflow.ts';
