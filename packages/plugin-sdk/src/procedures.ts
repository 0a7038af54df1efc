import { z } from 'zod';
import type {
  CaseProcedureContext,
  PluginProcedureContext,
  PublicProcedureContext,
} from './procedure-context.ts';

/** A query reads; a mutation changes (and runs after the request's CSRF and method checks). */
export type ProcedureKind = 'query' | 'mutation';

/** What a procedure is about, which decides where the platform checks its permission. */
export type ProcedureScope = 'case' | 'any-case' | 'organisation' | 'units' | 'district' | 'public';

/** The context each scope's `run` gets. */
export type ContextOf<TScope extends ProcedureScope> = TScope extends 'case' | 'any-case'
  ? CaseProcedureContext
  : TScope extends 'public'
    ? PublicProcedureContext
    : PluginProcedureContext;

/** The input each scope needs: the case or the organisation it is checked on. */
export type ScopeInput<TScope extends ProcedureScope> = TScope extends 'case' | 'any-case'
  ? { caseId: string }
  : TScope extends 'organisation'
    ? { organisationId: string }
    : object;

/**
 * One procedure of a plugin. The platform mounts it at `<plugin id>.<name>` as a tRPC query or
 * mutation, with `input` as its schema, and before `run`: checks `permission` (one of the
 * plugin's own) on the case, the organisation, somewhere in the tree or at the district, opens the request's one
 * transaction, and answers a `PluginRuleError` like its own domain errors.
 */
export interface PluginProcedure<
  TScope extends ProcedureScope = ProcedureScope,
  TInput extends z.ZodObject = z.ZodObject,
  TResult = unknown,
  TKind extends ProcedureKind = ProcedureKind,
> {
  readonly scope: TScope;
  readonly kind: TKind;
  /** One of the plugin's permissions (`mediation.case.mediate`). */
  readonly permission: string;
  readonly input: TInput;
  /**
   * An input the platform's isolation walks send (from another district, or from a station that is
   * not `at`'s), where the scope's own reference does not reach the procedure's checks: a units
   * procedure naming its unit in a field of its own, a district procedure that must really run in
   * the caller's district. Without it the walk sends `{ caseId }`, `{ organisationId }` or `{}`.
   */
  readonly sampleInput?: (at: SamplePlace) => z.input<TInput>;
  run(ctx: ContextOf<TScope>, input: z.output<TInput>): Promise<TResult>;
}

/** Where a sample input points: a case and a service unit (a station) of the district walked. */
export interface SamplePlace {
  readonly caseId: string;
  readonly organisationId: string;
}

/** What a builder takes: a procedure without its scope. */
export type ProcedureDefinition<
  TScope extends ProcedureScope,
  TInput extends z.ZodObject,
  TResult,
  TKind extends ProcedureKind,
> = Omit<PluginProcedure<TScope, TInput, TResult, TKind>, 'scope'>;

/** A plugin's procedures by name (camelCase), as the manifest carries them. */
export type PluginProcedures = Readonly<Record<string, PluginProcedure>>;

// A definition of the right shape typed loosely, for the registry (run is contravariant in its context).
type AnyRun = (ctx: never, input: never) => Promise<unknown>;

const build =
  <TScope extends ProcedureScope>(scope: TScope, key: keyof ScopeInput<TScope> | null) =>
  <TInput extends z.ZodObject, TResult, const TKind extends ProcedureKind>(
    definition: ProcedureDefinition<TScope, TInput, TResult, TKind> &
      (z.output<TInput> extends ScopeInput<TScope> ? unknown : { input: `needs ${string}` }),
  ): PluginProcedure<TScope, TInput, TResult, TKind> => {
    if (key !== null && !(definition.input.shape as Record<string, unknown>)[key as string]) {
      throw new Error(`A ${scope} procedure's input must have "${String(key)}"`);
    }
    return { ...definition, scope };
  };

/** A procedure on one of the plugin's cases: its input has `caseId`; `run` gets the case in hand. */
export const caseProcedure = build('case', 'caseId');

/**
 * A knowledge plugin's procedure on any case of the district, whatever its service (its input has
 * `caseId`): the platform checks the permission's carrier on the case and that the plugin is
 * switched on at the case's unit; `run` gets the case in hand as a case procedure does.
 */
export const anyCaseProcedure = build('any-case', 'caseId');

/** A procedure at an organisation (a notary office's slots): its input has `organisationId`. */
export const organisationProcedure = build('organisation', 'organisationId');

/**
 * A procedure over the units where the person holds the permission (a district screen station staff
 * open on their own unit): the platform checks it is held somewhere in the tree, so `run` must
 * check each unit it reads or changes with `ctx.allows` and answer nothing of any other.
 */
export const unitsProcedure = build('units', null);

/** A district-wide procedure (a setting), for holders of the permission at the centre. */
export const districtProcedure = build('district', null);

/**
 * A resident-facing query or change (no session, for a public screen): it runs in the district the
 * address names, for anyone, so it has no permission and must reveal only what the district publishes.
 */
export const publicProcedure = <TInput extends z.ZodObject, TResult, const TKind extends ProcedureKind>(
  definition: Omit<ProcedureDefinition<'public', TInput, TResult, TKind>, 'permission'>,
): PluginProcedure<'public', TInput, TResult, TKind> => ({ ...definition, permission: '', scope: 'public' });

/** A procedure's name in the manifest: camelCase, as tRPC paths are. */
export const PROCEDURE_NAME = /^[a-z][a-zA-Z0-9]*$/;

export const pluginProcedureSchema = z.custom<PluginProcedure>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    ['case', 'any-case', 'organisation', 'units', 'district', 'public'].includes(
      (value as PluginProcedure).scope,
    ) &&
    ['query', 'mutation'].includes((value as PluginProcedure).kind) &&
    (value as PluginProcedure).input instanceof z.ZodObject &&
    typeof (value as { run?: AnyRun }).run === 'function' &&
    ['undefined', 'function'].includes(typeof (value as PluginProcedure).sampleInput),
  'must be built with caseProcedure, organisationProcedure, unitsProcedure or districtProcedure',
);

/** The procedures field of a manifest: each a built procedure (names are checked with the manifest). */
export const pluginProceduresSchema = z.record(z.string(), pluginProcedureSchema);
