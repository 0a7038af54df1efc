export * from '@linju/federation/referral-states';
export * from './cases/hotline-import-activities.ts';
export * from './cases/hotline-import-definitions.ts';
// Type only: started by name, bundled by path.
export type { hotlineImportWorkflow } from './cases/hotline-import-workflow.ts';
export * from './cases/start-hotline-import.ts';
export * from './codec/payload-codec.ts';
export * from './plugins/activities.ts';
export * from './plugins/definitions.ts';
// Type only: the plugins' schedule starts it by name.
export type { pluginDailyWorkflow } from './plugins/plugin-workflows.ts';
export * from './referral/activities.ts';
export * from './referral/definitions.ts';
export * from './referral/referral-client.ts';
export type * from './referral/referral-types.ts';
// Type only: clients start the workflow by name; its code is bundled by path (`workflowsPath`).
export type { referralWorkflow } from './referral/referral-workflow.ts';
export * from './referral/start-referral.ts';
export * from './schedules/activities.ts';
export * from './schedules/definitions.ts';
// Type only, like the referral workflow: schedules start these by name.
export type {
  dutyReminderWorkflow,
  lateReportsWorkflow,
  monthlySweepWorkflow,
  timeLimitEscalationWorkflow,
} from './schedules/schedule-workflows.ts';
export * from './schedules/tenant-schedules.ts';
export * from './statistics/activities.ts';
export * from './statistics/city-statistics-activities.ts';
export * from './statistics/city-statistics-definitions.ts';
export * from './statistics/city-statistics-schedule.ts';
// Type only: started by name, bundled by path.
export type { cityStatisticsWorkflow } from './statistics/city-statistics-workflow.ts';
export * from './statistics/definitions.ts';
// Type only: started by name, bundled by path.
export type { statisticsReportWorkflow } from './statistics/statistics-report-workflow.ts';
export * from './task-queues.ts';
export * from './temporal-client.ts';
export * from './temporal-connection.ts';
export * from './temporal-health.ts';
export * from './workflows-path.ts';
