import type { z } from 'zod';
import type { EntryPoint, StatisticDefinition, SubsidySource } from './extension-points.ts';
import type { ReferenceCaseSource } from './knowledge.ts';
import type { LocalizedText } from './localized-text.ts';
import type { PluginMessages } from './messages.ts';
import type { PluginContext, PluginTaskContext } from './plugin-context.ts';
import type { PluginMigration } from './plugin-tables.ts';
import type { PluginProcedures } from './procedures.ts';
import type { PluginSeedContext } from './seed-context.ts';

/**
 * `core` for the six services every tenant has; `x` for a local add-on (its id starts with `x-`);
 * `knowledge` for a knowledge service (reference cases, an expert pool, the legal assistant): a
 * district switches it on per organisation like a service, but nobody is taken in for it, so it
 * has no catalogue, categories or intake form, and its procedures work on any case (`anyCaseProcedure`).
 */
export type PluginKind = 'core' | 'x' | 'knowledge';

/** A document a resident brings for a catalogue entry (材料清单). */
export interface RequiredDocument {
  /** Kebab-case, unique within the entry. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Needed only in some cases ("the will, if there is one"). */
  readonly optional?: boolean;
}

/** A service item a resident sees in the catalogue (服务目录), e.g. "Will notarization". */
export interface CatalogueEntry {
  /** Kebab-case, unique within the plugin. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** What to bring, published with the entry so nobody makes a wasted trip. */
  readonly requiredDocuments?: readonly RequiredDocument[];
}

/** A case category used for triage, deadlines and statistics, e.g. "Neighbour relations". */
export interface CaseCategory {
  /** Kebab-case, unique within the plugin. */
  readonly id: string;
  readonly name: LocalizedText;
}

/** Default time limits (限时办结), in working days; a tenant may tighten them. */
export interface DeadlineDefaults {
  /** The limit for a case whose category has no entry in `byCategory`. */
  readonly defaultWorkingDays: number;
  /** Limits per case category id. */
  readonly byCategory?: Readonly<Record<string, number>>;
}

/**
 * A permission of the plugin's own. The id is `<plugin id>.<resource>.<action>`, such as
 * `mediation.agreement.create`. No role names it: whoever holds the platform permission
 * `grantedWith` on an organisation (or an ancestor) holds it there too, and the API checks it on
 * the plugin's procedures (see `docs/plugins.md`, "Permissions").
 */
export interface PermissionDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  /**
   * The platform permission that carries it, e.g. `case.handle`; it must also carry the
   * permissions this one depends on (checked when the API starts).
   */
  readonly grantedWith: string;
  /** Ids of this plugin's permissions a holder also needs, e.g. create depends on view. */
  readonly dependsOn?: readonly string[];
}

/** What the platform knows about a case when it calls a hook. */
export interface CaseInfo {
  readonly caseId: string;
  /** The organisation (centre, station, room) that took the case in. */
  readonly organisationId: string;
  /** The case category chosen at intake, `null` until triage gives one (a case records no catalogue entry). */
  readonly categoryId: string | null;
  /** When the case was received (a hotline case may have been received before it was entered). */
  readonly createdAt: Date;
}

/** A newly created case together with its validated intake form. */
export type CaseCreatedEvent<TFormData> = CaseInfo & { readonly form: TFormData };

/** What an intake alert says: one of the plugin's message keys, rendered with the case's `{number}`. */
export interface IntakeAlert {
  readonly messageKey: string;
}

/** A referral made from one of the plugin's cases has ended: the partner completed or failed it. */
export interface ReferralClosedEvent {
  readonly referralId: string;
  readonly caseId: string;
  /** The referral's kind, e.g. `judicial-confirmation` or `assistance`. */
  readonly kind: string;
  readonly status: 'completed' | 'failed';
  /** What the partner reported with a completion (code and text), if anything. */
  readonly outcome?: { readonly code: string; readonly text: string };
  /** Why it failed, when it did. */
  readonly reason?: string;
  /** When the partner answered (ISO datetime, the workflow's time). */
  readonly at: string;
}

/**
 * Hooks the platform calls. They are methods (not function properties) so a plugin with a
 * specific form type stays assignable to the general plugin type.
 */
export interface PluginHooks<TFormData> {
  /**
   * Called once a case of this plugin has been taken in with its intake form (`case.create`),
   * after the intake's transaction committed, with the form as validated. It gets no database and
   * cannot undo the case: a throw is logged with the case's id and the case stays.
   */
  onCaseCreated?(ctx: PluginContext, event: CaseCreatedEvent<TFormData>): void | Promise<void>;
  /**
   * Whether an intake needs the unit's heads at once (a risk of harm): asked with the validated
   * form inside the intake's transaction. An alert takes the case in as critical (特急, shown on
   * every list and the case page), puts its message on the timeline and notifies the heads of the
   * receiving unit, all with the case or not at all. Keep it a pure reading of the form.
   */
  alertOnIntake?(form: TFormData): IntakeAlert | null;
  /**
   * A workflow hook: the referral workflow's effect activity calls it when a referral of one of
   * this plugin's cases is completed or failed, in the transaction that records the outcome and
   * exactly once per outcome. A throw rolls the outcome back and Temporal retries it, so keep it
   * to the plugin's own tables.
   */
  onReferralClosed?(ctx: PluginTaskContext, event: ReferralClosedEvent): Promise<void>;
}

/**
 * A Temporal activity a plugin contributes, registered by the worker as `name` for every plugin
 * the deployment installs. The platform's workflows call it with `{ tenantId, ...input }`; the
 * worker validates `input` with the schema and hands `run` a {@link PluginTaskContext} of that
 * tenant, in one transaction. Activities are retried: make them idempotent.
 */
export interface PluginActivity<TInput extends z.ZodObject = z.ZodObject, TResult = unknown> {
  /** `<plugin id>.<kebab-case name>`, e.g. `mediation.lapse-confirmation-windows`. */
  readonly name: string;
  readonly description: LocalizedText;
  /** The input besides `tenantId`, validated before `run` is called. */
  readonly input: TInput;
  /**
   * `daily`: the platform's `plugins:<tenantId>` schedule runs it every morning for every
   * district, with an empty input. Without it, only a workflow that names it runs it.
   */
  readonly schedule?: 'daily';
  run(ctx: PluginTaskContext, input: z.output<TInput>): Promise<TResult>;
}

/**
 * Declares one activity, keeping its input type for `run` (an array of plain objects would widen
 * it). Validated with the manifest.
 */
export function pluginActivity<TInput extends z.ZodObject, TResult>(
  activity: PluginActivity<TInput, TResult>,
): PluginActivity<TInput, TResult> {
  return activity;
}

/** Where the admin app links a plugin's screen. */
export type AdminRoutePlacement = 'case-service' | 'case-tools' | 'navigation' | 'settings';

/** Which URLs a placement's paths are below: a case's (its service's screens and the knowledge tools), or the district's. */
export const placementSpace = (placement: AdminRoutePlacement): 'case' | 'district' =>
  placement === 'case-service' || placement === 'case-tools' ? 'case' : 'district';

/**
 * A screen the plugin contributes to the admin app. `case-service` screens live under a case
 * (`/t/<slug>/cases/<id>/<path>`) and are linked from the case page of this plugin's cases;
 * `case-tools` screens (knowledge plugins only) live there too, under every case whatever its
 * service, linked from the case page's 法律知识 block where the plugin is switched on at the case's unit;
 * `navigation` screens are district pages (`/t/<slug>/<path>`) listed in the navigation;
 * `settings` screens are district pages linked from the settings page. The plugin's `./admin`
 * exports the screen with this id (`caseScreen`, `districtScreen`), which the admin app hosts.
 */
export interface AdminRoute {
  /** Kebab-case, unique within the plugin. */
  readonly id: string;
  /** The URL path below the case or the district: kebab-case segments separated by `/`. */
  readonly path: string;
  /**
   * A route module of the admin app (`apps/admin/app/routes/<module>.tsx`) serving the screen
   * instead of the plugin's own: for screens not yet moved into their plugin.
   */
  readonly module?: string;
  readonly label: LocalizedText;
  /** The platform permission a staff member needs (somewhere in the tree) to see the link. */
  readonly permission: string;
  /** Where the app links it; at least one. */
  readonly placement: readonly AdminRoutePlacement[];
}

/**
 * A service plugin's manifest. `TForm` is the intake form's zod object schema, whose output type
 * flows into the hooks; `TId` keeps the literal id so a registry can be typed by it; `TMessageKey`
 * keeps the message keys, so the app's `MessageKey` is exactly the platform's and the installed
 * plugins' keys (a key nobody defines fails to compile).
 */
export interface PluginManifest<
  TForm extends z.ZodObject = z.ZodObject,
  TId extends string = string,
  TProcedures extends PluginProcedures = PluginProcedures,
  TMessageKey extends string = string,
> {
  /** Kebab-case; an X add-on's id starts with `x-` (and only an X add-on's). */
  readonly id: TId;
  /** The plugin's own version (semver). */
  readonly version: string;
  /** The SDK versions this plugin works with, as a semver range (`'1.x'`). */
  readonly sdkVersion: string;
  readonly kind: PluginKind;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly catalogue: readonly CatalogueEntry[];
  readonly categories: readonly CaseCategory[];
  /** The intake form, every field labelled with `field()`. */
  readonly intakeForm: TForm;
  readonly deadlines: DeadlineDefaults;
  readonly permissions: readonly PermissionDefinition[];
  readonly statistics?: readonly StatisticDefinition[];
  /**
   * The plugin's own tables, as migrations run after the core's (see `docs/plugins.md`): every
   * table is named with the plugin's prefix (`tablePrefixOf(id)`), starts with `tenant_id` and is
   * given row-level security by the platform.
   */
  readonly migrations?: readonly PluginMigration[];
  readonly hooks?: PluginHooks<z.output<TForm>>;
  /** Temporal activities the worker registers (see {@link PluginActivity}). */
  readonly activities?: readonly PluginActivity[];
  /** Screens of the admin app this plugin contributes (see {@link AdminRoute}). */
  readonly adminRoutes?: readonly AdminRoute[];
  /**
   * The plugin's procedures by camelCase name, mounted by the API at `<plugin id>.<name>` (see
   * `caseProcedure` and its siblings).
   */
  readonly procedures?: TProcedures;
  /** Its messages (`defineMessages`), merged into the catalogue by the composition root. */
  readonly messages?: PluginMessages<TMessageKey>;
  /** At most one: the plugin records its cases' subsidies itself. */
  readonly subsidySources?: readonly SubsidySource[];
  /** The plain-language entry points its service answers. */
  readonly entryPoints?: readonly EntryPoint[];
  /**
   * Knowledge plugins only: the approved reference cases it holds, searched by the platform with
   * this plugin's own `PluginDb` to answer `ctx.knowledge.similarCases` for every plugin.
   */
  readonly referenceCases?: ReferenceCaseSource;
  /** Its part of the demo district (`linju seed`): cases and records its pages show, made through its own rules. */
  readonly demo?: (ctx: PluginSeedContext) => Promise<void>;
}

/** Any plugin, whatever its form; what a registry holds. */
export type AnyPlugin = PluginManifest<z.ZodObject, string>;

/** The validated intake data of a plugin. */
export type IntakeData<TPlugin extends AnyPlugin> = z.output<TPlugin['intakeForm']>;
