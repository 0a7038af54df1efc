import type { z } from 'zod';
import type { LocalizedText } from './localized-text.ts';
import type { PluginContext } from './plugin-context.ts';
import type { PluginMigration } from './plugin-tables.ts';

/** `core` for the six services every tenant has; `x` for a local add-on (its id starts with `x-`). */
export type PluginKind = 'core' | 'x';

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
 * A permission in the platform's typed registry. The id is `<plugin id>.<resource>.<action>`, such
 * as `mediation.agreement.create`; granting it also requires the permissions it depends on.
 */
export interface PermissionDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  /** Ids of this plugin's permissions a holder also needs, e.g. create depends on view. */
  readonly dependsOn?: readonly string[];
}

/** A figure the plugin contributes to the statistics (monthly reports, the city roll-up). */
export interface StatisticDefinition {
  /** Kebab-case, unique within the plugin. */
  readonly id: string;
  readonly label: LocalizedText;
}

/** What the platform knows about a case when it calls a hook. */
export interface CaseInfo {
  readonly caseId: string;
  /** The organisation (centre, station, room) that took the case in. */
  readonly organisationId: string;
  /** The catalogue entry the resident asked for. */
  readonly catalogueEntryId: string;
  /** The case category chosen at intake or triage. */
  readonly categoryId: string;
  readonly createdAt: Date;
}

/** A newly created case together with its validated intake form. */
export type CaseCreatedEvent<TFormData> = CaseInfo & { readonly form: TFormData };

/**
 * Hooks the platform calls after its own work is committed. They are methods (not function
 * properties) so a plugin with a specific form type stays assignable to the general plugin type.
 */
export interface PluginHooks<TFormData> {
  /** Called once a case of this plugin has been created. */
  onCaseCreated?(ctx: PluginContext, event: CaseCreatedEvent<TFormData>): void | Promise<void>;
}

/**
 * A service plugin's manifest. `TForm` is the intake form's zod object schema, whose output type
 * flows into the hooks; `TId` keeps the literal id so a registry can be typed by it.
 */
export interface PluginManifest<TForm extends z.ZodObject = z.ZodObject, TId extends string = string> {
  /** Kebab-case; an X add-on's id starts with `x-`. */
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
}

/** Any plugin, whatever its form; what a registry holds. */
export type AnyPlugin = PluginManifest<z.ZodObject, string>;

/** The validated intake data of a plugin. */
export type IntakeData<TPlugin extends AnyPlugin> = z.output<TPlugin['intakeForm']>;
