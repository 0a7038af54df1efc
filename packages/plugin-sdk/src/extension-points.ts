import type { LocalizedText } from './localized-text.ts';
import type { PluginDb } from './plugin-db.ts';

/**
 * One piece of work a statistic counts (a consultation logged, an event held): at its unit, in the
 * month of `at` (district time for a moment, the date's own month for an ISO date), under `value`
 * (the channel, the event type), adding `amount` (minutes, attendance).
 */
export interface ActivityFact {
  readonly organisationId: string;
  readonly at: Date | string;
  readonly value: string;
  readonly amount: number;
}

/**
 * A figure the plugin contributes to the statistics (monthly reports, the city roll-up). With
 * `measure`, it is counted into the district's activity roll-ups: incrementally by the plugin's
 * procedures (`ctx.statistics.count`) and, to check or backfill them, by `recount` reading the
 * plugin's own tables. Without it, the figure is a label the reports show (counted elsewhere).
 */
export interface StatisticDefinition {
  /** Kebab-case, unique within the plugin. */
  readonly id: string;
  readonly label: LocalizedText;
  /** The roll-up measure it is counted under (`consultation`, `education-event`). */
  readonly measure?: string;
  /** Every fact the plugin's tables hold, for a full recount (slow by design). */
  recount?(db: PluginDb): Promise<readonly ActivityFact[]>;
}

/** A subsidy (办案补贴) a plugin recorded itself, which the month's ledger takes over as recorded. */
export interface PluginSubsidy {
  /** The plugin's id of the subsidy: the ledger links to it and takes it once. */
  readonly id: string;
  readonly caseId: string;
  readonly recipient: string;
  readonly amountFen: number;
  readonly basis: string;
}

/**
 * The plugin records its cases' subsidies itself: the district's subsidy rules do not apply to its
 * service (setting one is refused) and the ledger takes what `paidIn` answers for the month.
 */
export interface SubsidySource {
  /** The subsidies paid in `month` (`YYYY-MM`). */
  paidIn(db: PluginDb, month: string): Promise<readonly PluginSubsidy[]>;
}

/**
 * A plain-language entry point a resident recognises ("纠纷隐忧来坐坐"), served by this plugin. The
 * community preview lists the entry points of the services switched on, by `position`.
 */
export interface EntryPoint {
  /** Kebab-case, unique across the installed plugins. */
  readonly id: string;
  readonly slogan: LocalizedText;
  /** Where it stands among all plugins' entry points (smaller first). */
  readonly position: number;
}
