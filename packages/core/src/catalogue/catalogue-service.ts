import { and, eq, inArray, isNull, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';

export type ServiceState = {
  pluginId: string;
  enabled: boolean;
  /** The unit whose setting decides (this one or the nearest ancestor); null when none did. */
  decidedAt: string | null;
};

const ancestorIds = (path: string) => path.split('/').filter(Boolean);

/**
 * Which services are on at a unit: the nearest setting up the tree decides, so switching a
 * service on at the centre covers the district and a station may switch an X on for itself.
 */
export async function servicesAt(
  tx: TenantTx,
  /** The unit, or its id when the caller has not loaded it. */
  at: string | { path: string },
  pluginIds: readonly string[],
): Promise<ServiceState[]> {
  const unit = typeof at === 'string' ? await getOrganisation(tx, at) : at;
  const chain = ancestorIds(unit.path);
  const settings = await tx
    .select()
    .from(schema.serviceEnablement)
    .where(inArray(schema.serviceEnablement.organisationId, chain));
  return pluginIds.map((pluginId) => stateAlong(chain, settings, pluginId));
}

type Setting = { organisationId: string; pluginId: string; enabled: boolean };

/** The nearest setting of a service along a unit's chain of ancestors (itself last) decides. */
function stateAlong(chain: readonly string[], settings: readonly Setting[], pluginId: string): ServiceState {
  const nearest = settings
    .filter((s) => s.pluginId === pluginId && chain.includes(s.organisationId))
    .sort((a, b) => chain.indexOf(b.organisationId) - chain.indexOf(a.organisationId))[0];
  return { pluginId, enabled: nearest?.enabled ?? false, decidedAt: nearest?.organisationId ?? null };
}

/**
 * The units among `units` where a service is on, by the same rule as `servicesAt`, with one
 * read of the settings for them all (the public site lists where a service is offered).
 */
export async function unitsOffering<Unit extends { path: string }>(
  tx: TenantTx,
  units: readonly Unit[],
  pluginId: string,
): Promise<Unit[]> {
  const settings = await tx
    .select()
    .from(schema.serviceEnablement)
    .where(eq(schema.serviceEnablement.pluginId, pluginId));
  return units.filter((unit) => stateAlong(ancestorIds(unit.path), settings, pluginId).enabled);
}

/**
 * Whether a district offers a service anywhere: some open unit switched it on (a unit with its own
 * setting on has it itself, whatever its ancestors say). A resident-facing page of a service the
 * bureau has not switched on is not there.
 */
export async function offeredInDistrict(tx: TenantTx, pluginId: string): Promise<boolean> {
  const [offered] = await tx
    .select({ organisationId: schema.serviceEnablement.organisationId })
    .from(schema.serviceEnablement)
    .innerJoin(
      schema.organisation,
      and(
        eq(schema.organisation.tenantId, schema.serviceEnablement.tenantId),
        eq(schema.organisation.id, schema.serviceEnablement.organisationId),
      ),
    )
    .where(
      and(
        eq(schema.serviceEnablement.pluginId, pluginId),
        eq(schema.serviceEnablement.enabled, true),
        isNull(schema.organisation.closedAt),
      ),
    )
    .limit(1);
  return offered !== undefined;
}

export const ZSetServiceEnabledRequest = z.object({
  organisationId: z.uuid(),
  pluginId: z.string().regex(/^[a-z][a-z0-9-]*$/),
  enabled: z.boolean(),
});

/** Switches a service on or off at a unit (and, by inheritance, below it). */
export async function setServiceEnabled(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZSetServiceEnabledRequest>,
  pluginIds: readonly string[],
) {
  const input = ZSetServiceEnabledRequest.parse(request);
  if (!pluginIds.includes(input.pluginId))
    throw new DomainError('bad-request', 'catalogue.unknown_service', { field: 'pluginId' });
  const unit = await getOrganisation(tx, input.organisationId);
  if (isPartnerKind(unit.kind))
    throw new DomainError('bad-request', 'catalogue.partner_has_no_catalogue', { field: 'organisationId' });
  requirePermission(actor, 'catalogue.manage', unit.path);
  const [before] = await tx
    .select()
    .from(schema.serviceEnablement)
    .where(
      and(
        eq(schema.serviceEnablement.organisationId, unit.id),
        eq(schema.serviceEnablement.pluginId, input.pluginId),
      ),
    );
  await tx
    .insert(schema.serviceEnablement)
    .values({
      tenantId: actor.tenantId,
      organisationId: unit.id,
      pluginId: input.pluginId,
      enabled: input.enabled,
    })
    .onConflictDoUpdate({
      target: [
        schema.serviceEnablement.tenantId,
        schema.serviceEnablement.organisationId,
        schema.serviceEnablement.pluginId,
      ],
      set: { enabled: input.enabled, changedAt: new Date() },
    });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.enabled ? 'catalogue.enabled' : 'catalogue.disabled',
    objectType: 'organisation',
    objectId: unit.id,
    before: before ? { pluginId: input.pluginId, enabled: before.enabled } : null,
    after: { pluginId: input.pluginId, enabled: input.enabled },
  });
  return servicesAt(tx, unit.id, [input.pluginId]);
}

/** An entry point a plugin declares (a slogan residents recognise), with the plugin serving it. */
export type DeclaredEntryPoint = {
  id: string;
  slogan: { 'zh-CN': string; en: string };
  pluginId: string;
};

/**
 * The entry points a resident sees at this unit (the seven slogans of the installed plugins, in
 * their order): those whose service is on there.
 */
export function entryPointsFor(states: readonly ServiceState[], entryPoints: readonly DeclaredEntryPoint[]) {
  const on = new Set(states.filter((s) => s.enabled).map((s) => s.pluginId));
  return entryPoints
    .filter((e) => on.has(e.pluginId))
    .map((e) => ({ id: e.id, zh: e.slogan['zh-CN'], en: e.slogan.en, pluginId: e.pluginId }));
}
