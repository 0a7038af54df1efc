import type { Permission } from '@linju/auth';
import {
  type Actor,
  anyCaseOfDistrict,
  type CaseCreatedHook,
  caseProcedureContext,
  DomainError,
  getOrganisation,
  type KnowledgeSources,
  type LoadedCase,
  offeredInDistrict,
  type PluginPlatform,
  pluginCase,
  pluginProcedureContext,
  prepareCaseCreatedHook,
  publicProcedureContext,
  type ResidentIdentity,
  requirePermission,
  requireTenantWide,
  runPluginRule,
  type Tenant,
} from '@linju/core';
import { type TenantTx, withTenant } from '@linju/db';
import type {
  AnyPlugin,
  PluginProcedure,
  PluginRegistry,
  ProcedureKind,
  ProcedureScope,
} from '@linju/plugin-sdk';
import { type InstalledPlugin, pluginRegistry } from '@linju/plugins';
import type { AnyTRPCProcedure, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
import { z } from 'zod';
import { requestPluginLogger } from './plugin-logger.ts';
import { carrierOf } from './plugin-permissions.ts';
import { filesOf } from './procedures/case/files.ts';
import { renamePartnerField, sendReferral } from './procedures/referral/send-referral.ts';
import { claimKnowledgeChange, claimSubmission } from './submission-limits.ts';
import {
  type ApiContext,
  type ApiMeta,
  districtSiteProcedure,
  permittedProcedure,
  type TenantSession,
} from './trpc.ts';

type Mounted<P> =
  P extends PluginProcedure<ProcedureScope, infer TInput, infer TResult, infer TKind>
    ? TKind extends 'query'
      ? TRPCQueryProcedure<{ meta: ApiMeta; input: z.input<TInput>; output: Awaited<TResult> }>
      : TRPCMutationProcedure<{ meta: ApiMeta; input: z.input<TInput>; output: Awaited<TResult> }>
    : never;

type ProceduresOf<P extends AnyPlugin> = NonNullable<P['procedures']>;

/** The installed plugins' procedures as the API's router has them: `<plugin id>.<name>`, typed. */
export type PluginRouters = {
  [P in InstalledPlugin as keyof ProceduresOf<P> extends never ? never : P['id']]: {
    [N in keyof ProceduresOf<P>]: Mounted<ProceduresOf<P>[N]>;
  };
};

const ZCaseRef = z.object({ caseId: z.uuid() });
const ZOrganisationRef = z.object({ organisationId: z.uuid() });

type Scoped = { tx: TenantTx; actor: Actor };

/**
 * The check of a procedure's scope, before its input is validated (an attempt on a case or an
 * organisation of another district or station is refused as such, whatever else it sent): the
 * case must be the plugin's (any case of the district, for a knowledge plugin's `any-case`
 * procedure, where the plugin is switched on at the case's unit) and the staff member hold the
 * carrier on it, or the carrier at the organisation, or at the centre; a units procedure needs it
 * only somewhere (held by the mount), and checks each unit itself. A reference that is not even an
 * id is left to the validation.
 */
async function checkScope(
  ctx: Scoped,
  pluginId: string,
  scope: ProcedureScope,
  carrier: Permission,
  raw: unknown,
): Promise<LoadedCase | null> {
  if (scope === 'units') return null;
  if (scope === 'district') {
    requireTenantWide(ctx.actor, carrier);
    return null;
  }
  if (scope === 'organisation') {
    const at = ZOrganisationRef.safeParse(raw);
    if (at.success) {
      const organisation = await getOrganisation(ctx.tx, at.data.organisationId);
      requirePermission(ctx.actor, carrier, organisation.path);
    }
    return null;
  }
  const at = ZCaseRef.safeParse(raw);
  return at.success ? caseOfScope(ctx, pluginId, scope, at.data.caseId, carrier) : null;
}

/** The case a case or any-case procedure is about, checked for its scope. */
const caseOfScope = (
  ctx: Scoped,
  pluginId: string,
  scope: ProcedureScope,
  caseId: string,
  carrier: Permission,
) => (scope === 'any-case' ? anyCaseOfDistrict : pluginCase)(ctx.tx, ctx.actor, pluginId, caseId, carrier);

/** What `ctx.knowledge` draws on: the mounted plugins, and the operator's model when the server set one. */
const knowledgeSourcesOf = (ctx: ApiContext, registry: PluginRegistry): KnowledgeSources => ({
  plugins: registry.plugins,
  languageModel: ctx.languageModel ?? null,
});

/** What the platform lends the plugin for this request (the referral ritual is the API's: it holds the engine). */
function platformOf(
  ctx: ApiContext & TenantSession,
  plugin: AnyPlugin,
  registry: PluginRegistry,
): PluginPlatform {
  return {
    box: ctx.box,
    files: filesOf(ctx),
    logger: requestPluginLogger(ctx.log)(plugin.id, ctx.tenantId),
    forms: pluginRegistry,
    knowledge: knowledgeSourcesOf(ctx, registry),
    async refer({ attachments, partnerField, ...request }) {
      const { referral } = await sendReferral(ctx, {
        ...request,
        kind: request.kind as never,
        ...(attachments ? { documentIds: [...attachments] } : {}),
      }).catch((error: unknown) =>
        partnerField ? renamePartnerField(error, partnerField) : Promise.reject(error),
      );
      return { referralId: referral.id };
    },
  };
}

/**
 * One plugin procedure as a tRPC procedure: the plugin's permission held somewhere (through its
 * carrier), the scope checked, the input validated with the plugin's schema, `run` in the
 * request's one transaction with the plugin's context, a `PluginRuleError` answered like a
 * domain error.
 */
function mount(plugin: AnyPlugin, procedure: PluginProcedure, registry: PluginRegistry): AnyTRPCProcedure {
  if (procedure.scope === 'public') return mountPublic(plugin, procedure, registry);
  const carrier = carrierOf(procedure.permission, registry);
  const built = permittedProcedure(carrier)
    .use(async ({ ctx, next, getRawInput }) =>
      next({
        ctx: { pluginCase: await checkScope(ctx, plugin.id, procedure.scope, carrier, await getRawInput()) },
      }),
    )
    .input(procedure.input);
  const resolve = async ({
    ctx,
    input,
  }: {
    ctx: ApiContext & TenantSession & { pluginCase: LoadedCase | null };
    input: Record<string, unknown>;
  }) => {
    const platform = platformOf(ctx, plugin, registry);
    if (procedure.scope !== 'case' && procedure.scope !== 'any-case') {
      return runPluginRule(() =>
        procedure.run(pluginProcedureContext(ctx.tx, ctx.actor, plugin, platform) as never, input),
      );
    }
    const c =
      ctx.pluginCase ?? (await caseOfScope(ctx, plugin.id, procedure.scope, String(input.caseId), carrier));
    return runPluginRule(() =>
      procedure.run(caseProcedureContext(ctx.tx, ctx.actor, plugin, platform, c), input),
    );
  };
  return (procedure.kind satisfies ProcedureKind) === 'query'
    ? built.query(resolve)
    : built.mutation(resolve);
}

/**
 * A public procedure (a resident-facing page, no session): in one transaction of the district the
 * address names (`not-found` for none, or one not active), with the plugin's data handle acting as
 * the platform in the plugin's name and the online intake for the verified resident; the service's
 * `onCaseCreated` runs once that transaction committed.
 */
function mountPublic(
  plugin: AnyPlugin,
  procedure: PluginProcedure,
  registry: PluginRegistry,
): AnyTRPCProcedure {
  const built = districtSiteProcedure.input(procedure.input);
  const resolve = async ({
    ctx,
    input,
  }: {
    ctx: ApiContext & { district: Tenant; resident: ResidentIdentity | null };
    input: Record<string, unknown>;
  }) => {
    const tenant = ctx.district;
    const afterCommit: CaseCreatedHook[] = [];
    const platform = {
      box: ctx.box,
      files: filesOf(ctx),
      logger: requestPluginLogger(ctx.log)(plugin.id, tenant.id),
      forms: pluginRegistry,
      knowledge: knowledgeSourcesOf(ctx, registry),
    };
    const result = await withTenant(ctx.db, tenant.id, async (tx) => {
      if (!(await offeredInDistrict(tx, plugin.id))) {
        throw new DomainError('not-found', 'plugin.not_offered_in_district');
      }
      if (plugin.kind === 'knowledge' && procedure.kind === 'mutation')
        await claimKnowledgeChange(ctx, tx, plugin.id);
      return runPluginRule(() =>
        procedure.run(
          publicProcedureContext(tx, tenant.id, plugin, platform, ctx.resident, {
            claim: (phone) => claimSubmission(ctx, tx, tenant.id, phone),
            async opened(caseId) {
              const hook = await prepareCaseCreatedHook(
                tx,
                tenant.id,
                pluginRegistry,
                caseId,
                requestPluginLogger(ctx.log),
              );
              if (hook) afterCommit.push(hook);
            },
          }) as never,
          input,
        ),
      );
    });
    // The service's onCaseCreated sees the case only once it is committed; it logs its own failure.
    for (const hook of afterCommit) await hook.run();
    return result;
  };
  return procedure.kind === 'query' ? built.query(resolve) : built.mutation(resolve);
}

/**
 * Every installed plugin's procedures, under its id: the router record the API mounts beside its
 * own. Refuses a plugin id the platform's router already uses (the platform's procedures are not
 * a plugin's to replace).
 */
export function pluginRouters(registry: PluginRegistry, platformKeys: readonly string[]): PluginRouters {
  const routers: Record<string, Record<string, AnyTRPCProcedure>> = {};
  for (const plugin of registry.plugins) {
    const procedures = Object.entries(plugin.procedures ?? {});
    if (procedures.length === 0) continue;
    if (platformKeys.includes(plugin.id)) {
      throw new Error(`Plugin "${plugin.id}": its procedures would take the API's own "${plugin.id}" router`);
    }
    routers[plugin.id] = Object.fromEntries(
      procedures.map(([name, procedure]) => [name, mount(plugin, procedure, registry)]),
    );
  }
  return routers as unknown as PluginRouters;
}

/** `<plugin id>.<name>` of every plugin procedure with its scope and sample input, for the isolation walks. */
export const pluginProcedurePaths = (registry: PluginRegistry) =>
  registry.plugins.flatMap((plugin) =>
    Object.entries(plugin.procedures ?? {}).map(([name, procedure]) => ({
      pluginId: plugin.id,
      name,
      path: `${plugin.id}.${name}`,
      scope: procedure.scope,
      sampleInput: procedure.sampleInput,
    })),
  );
