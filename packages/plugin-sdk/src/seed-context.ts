import type { ActivityFact } from './extension-points.ts';
import type { PluginDb } from './plugin-db.ts';
import type { ProcedureActor, TenantCalendar, TimelineNote } from './procedure-context.ts';

/** A resident's matter of the plugin's service, as the intake desk records it for the demo. */
export interface DemoIntake {
  /** A platform intake channel (`walk-in`, `hotline-12348`, …). */
  readonly channel: string;
  readonly resident: {
    readonly name: string;
    readonly phone: string;
    readonly keyGroups?: readonly string[];
    readonly contactPreference?: string;
  };
  readonly category?: string;
  readonly description: string;
  readonly organisationId: string;
  readonly receivedAt: Date;
  /** The plugin's intake form, validated by its own schema as at any intake. */
  readonly form: Readonly<Record<string, unknown>>;
}

/** The case a demo step works on, checked by the platform: it exists and is this plugin's. */
export interface DemoCase {
  readonly id: string;
  /** Where the case is now. */
  readonly organisationId: string;
  /** The intake form as it was validated. */
  readonly form: unknown;
}

/**
 * A demo account at work: the plugin's capabilities under that staff member's name and rights,
 * checked as its procedures are (`permission` is one of the plugin's), in the seed's transaction.
 */
export interface PluginSeedStaff {
  readonly actor: ProcedureActor;
  /** Opens a case of this plugin's service, with its number, timeline and intake hooks. */
  intake(request: DemoIntake): Promise<{ readonly caseId: string }>;
  /** Assigns a case to a staff member (指派), with the platform's checks. */
  assign(caseId: string, assigneeId: string): Promise<void>;
  /**
   * Works on one of the plugin's cases (a knowledge plugin: any case of the district, as its
   * any-case procedures do); the note it returns goes on the case's timeline.
   */
  onCase<T>(
    caseId: string,
    permission: string,
    work: (db: PluginDb, c: DemoCase) => Promise<{ result: T; timeline?: TimelineNote }>,
  ): Promise<T>;
  /** Works at an organisation (a notary office's slots, a station's events). */
  atOrganisation<T>(
    organisationId: string,
    permission: string,
    work: (db: PluginDb) => Promise<T>,
  ): Promise<T>;
  /** Works district-wide (a setting of the district). */
  atDistrict<T>(permission: string, work: (db: PluginDb) => Promise<T>): Promise<T>;
  readonly statistics: {
    /** Counts a fact under the measure of the plugin's statistic `statisticId`, as its procedures do. */
    count(statisticId: string, fact: ActivityFact): Promise<void>;
  };
}

/** A case of the demo district, as a knowledge plugin's seed picks the ones it works on. */
export interface DemoCaseInfo {
  readonly id: string;
  readonly number: string;
  /** The service that handles it (a plugin id). */
  readonly serviceType: string;
  readonly description: string;
}

/**
 * What a plugin's demo seed gets (`linju seed`, the demo district only): the district's calendar,
 * the organisations the demo works at and its staff by account name. Everything goes through the
 * platform in the seed's one tenant transaction, as a procedure's work does.
 */
export interface PluginSeedContext {
  readonly tenantId: string;
  /** The moment the demo is seeded: its dates are relative to it. */
  readonly now: Date;
  readonly calendar: Pick<TenantCalendar, 'dateOf'>;
  /** The demo district's public legal service centre and the street station the demo works at. */
  readonly organisations: { readonly centreId: string; readonly stationId: string };
  /** A demo account by its user name (`desk`, `notary`, `legalaid`, `director`). */
  staff(username: string): PluginSeedStaff;
  /** The cases seeded so far (the core services' and earlier plugins'), by the day received. */
  cases(): Promise<readonly DemoCaseInfo[]>;
}
