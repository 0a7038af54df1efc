import type { SecretBox } from '@linju/auth';
import {
  alertLateDistrictReports,
  carriesOutcomeDocuments,
  createPeerFetcher,
  type DocumentStore,
  DomainError,
  escalateTimeLimits,
  exchangeMessageKey,
  fetchOutcomeDocuments,
  getReferralRow,
  HotlineImportNotVisibleError,
  type InstalledServices,
  makeStatisticsReport,
  outboxHas,
  ReportNotVisibleError,
  recordReferralEscalation,
  recordReferralEvent,
  remindTomorrowsAppointments,
  remindTomorrowsDuty,
  reportServiceNames,
  runHotlineImport,
  runReferralClosedHook,
  sweepMonth,
} from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import {
  createHotlineImportActivities,
  createReferralActivities,
  createScheduledActivities,
  createStatisticsReportActivities,
  type HotlineImportActivities,
  type ReferralActivities,
  type ReferralEscalationRecord,
  type ReferralEventRecord,
  type ScheduledActivities,
  type StatisticsReportActivities,
} from '@linju/workflows';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/client';
import { createExchangeDelivery, type ExchangeDeps } from './exchange-delivery.ts';
import type { WorkerPlugins } from './plugin-activities.ts';

/**
 * A domain refusal will not go away by retrying (the projection disagrees with the workflow):
 * fail the activity at once, naming the key. Anything else (the database away) is retried.
 */
async function domainFailuresFinal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.nonRetryable(error.message, 'ReferralEffectRefused', error.params ?? {});
    }
    throw error;
  }
}

/**
 * The documents an outgoing exchanged referral's completion or failure names (spec: `outcome.documents`,
 * each at the receiver's attachments path), fetched from the receiver's node and stored; answers
 * the stored ones. Nothing to do elsewhere, or without the file store and node key.
 */
async function fetchReturnedDocuments(
  db: Database,
  exchange: ExchangeDeps | undefined,
  event: ReferralEventRecord,
) {
  const documents = carriesOutcomeDocuments(event.type) ? (event.outcome?.documents ?? []) : [];
  if (!exchange?.files || !documents.some((d) => d.url !== undefined)) return undefined;
  const row = await withTenant(db, event.tenantId, (tx) => getReferralRow(tx, event.referralId)).catch(
    () => undefined,
  );
  if (row?.direction !== 'outgoing' || !row.remoteNode) return undefined;
  return fetchOutcomeDocuments(
    exchange.files,
    createPeerFetcher(db, exchange.node),
    event.tenantId,
    row.remoteNode,
    documents,
  );
}

/**
 * Referral activities over the database: each effect goes through core (`recordReferralEvent`,
 * `recordReferralEscalation`) in one tenant transaction, once per idempotency key: the
 * referral's status, its event log, the case timeline, the audit entry and (on an exchanged
 * referral) its outbox message together. With `exchange`, the worker also delivers the outbox;
 * with `plugins`, a completed or failed referral runs its case's plugin's `onReferralClosed` hook
 * in the same transaction.
 */
export function createAuditedReferralActivities(
  db: Database,
  exchange?: ExchangeDeps,
  plugins?: WorkerPlugins,
): ReferralActivities {
  return createReferralActivities({
    recordEvent: (event: ReferralEventRecord) =>
      domainFailuresFinal(async () => {
        // Documents the other node returned with its outcome: fetched (signed) before the
        // transaction, which then makes them documents of the case. A network failure retries.
        const fetchedDocuments = await fetchReturnedDocuments(db, exchange, event);
        return withTenant(db, event.tenantId, async (tx) => {
          const recorded = await recordReferralEvent(tx, event, {
            ...(exchange ? { box: exchange.box } : {}),
            ...(fetchedDocuments ? { fetchedDocuments } : {}),
          });
          // The case's plugin hears of the outcome with it, once: a duplicate effect ran its hook already.
          if (plugins && recorded === 'applied') {
            await runReferralClosedHook(tx, event.tenantId, plugins.registry, event, plugins.logger);
          }
          // The message key is the effect's; it is queued (now or on the first attempt) or not at all.
          const key = exchangeMessageKey(event.referralId, event.sequence);
          return (await outboxHas(tx, key)) ? { outbox: key } : {};
        });
      }),
    escalate: (escalation: ReferralEscalationRecord) =>
      domainFailuresFinal(() =>
        withTenant(db, escalation.tenantId, async (tx) => {
          await recordReferralEscalation(tx, escalation);
        }),
      ),
    ...(exchange ? { deliver: createExchangeDelivery(db, exchange) } : {}),
  });
}

/**
 * The scheduled runs over the database, one tenant transaction each: the day's time-limit
 * escalation, the monthly sweep, the duty and appointment reminders and a city's late-reports alert. All are idempotent in core, so a retried activity or a
 * second trigger on the same day changes nothing. `services` (the installed plugins) name their
 * services in the sweep's report; a worker without plugins shows ids.
 */
export function createScheduledRunActivities(
  db: Database,
  services: InstalledServices = [],
  box?: SecretBox,
): ScheduledActivities {
  return createScheduledActivities({
    escalateTimeLimits: ({ tenantId }) =>
      domainFailuresFinal(() => withTenant(db, tenantId, (tx) => escalateTimeLimits(tx, { tenantId }, box))),
    sweepLastMonth: async ({ tenantId }) => {
      const result = await domainFailuresFinal(() =>
        withTenant(db, tenantId, (tx) => sweepMonth(tx, { tenantId })),
      );
      // The review links the month's report: make it now that the review has committed (a retry
      // after a crash takes over the report its attempt left running).
      if (result.reportId)
        await makeStatisticsReport(db, tenantId, result.reportId, { takeOver: true, services });
      return result;
    },
    // The evening run before a day also reminds the residents booked on it (their SMS is sealed
    // with `box`; a worker without it reminds staff only).
    remindTomorrowsDuty: ({ tenantId }) =>
      domainFailuresFinal(() =>
        withTenant(db, tenantId, async (tx) => {
          const duty = await remindTomorrowsDuty(tx, { tenantId });
          if (!box) return duty;
          const names = await reportServiceNames(tx, services);
          const residents = await remindTomorrowsAppointments(tx, box, { tenantId }, names);
          return { ...duty, residentsReminded: residents.reminded };
        }),
      ),
    alertLateReports: ({ tenantId }) =>
      domainFailuresFinal(() => withTenant(db, tenantId, (tx) => alertLateDistrictReports(tx, { tenantId }))),
  });
}

/**
 * The statistics report activity over the database (`makeStatisticsReport` in core records the
 * progress on the report row). A report not visible yet is retried: its request is committing.
 */
export function createStatisticsReportRunActivities(
  db: Database,
  services: InstalledServices = [],
): StatisticsReportActivities {
  return createStatisticsReportActivities({
    makeReport: async ({ tenantId, reportId }) => {
      try {
        const outcome = await makeStatisticsReport(db, tenantId, reportId, { takeOver: true, services });
        return { reportId, outcome };
      } catch (error) {
        if (error instanceof ReportNotVisibleError)
          throw ApplicationFailure.retryable(error.message, 'ReportNotVisible');
        throw error;
      }
    },
  });
}

/**
 * The 12345 import activity over the database and the file store (`runHotlineImport` in core
 * commits batch by batch); it heartbeats after each batch, so a dead worker's attempt is retried
 * elsewhere and resumes after the last committed batch. An import not visible yet is retried.
 */
export function createHotlineImportRunActivities(
  db: Database,
  deps: { box: SecretBox; files: DocumentStore },
): HotlineImportActivities {
  return createHotlineImportActivities({
    importRows: async ({ tenantId, importId }) => {
      try {
        const outcome = await runHotlineImport(
          db,
          tenantId,
          importId,
          { ...deps, onBatch: (progress) => Context.current().heartbeat(progress) },
          { takeOver: true },
        );
        return { importId, outcome };
      } catch (error) {
        if (error instanceof HotlineImportNotVisibleError)
          throw ApplicationFailure.retryable(error.message, 'HotlineImportNotVisible');
        throw error;
      }
    },
  });
}
