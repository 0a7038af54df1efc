import { asc, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { caseSettings } from './case-clock.ts';

export const ZCaseSettingsRequest = z.object({
  numberPrefix: z.string().regex(/^[A-Z]{1,6}$/, { message: 'case.number_prefix_invalid' }),
  requireSatisfactionToClose: z.boolean(),
  dueSoonWorkingDays: z.number().int().min(0).max(30),
  defaultWorkingDays: z.number().int().min(1).max(365),
});

export async function getCaseSettings(tx: TenantTx, actor: Actor) {
  const { timeZone: _, ...settings } = await caseSettings(tx, actor.tenantId);
  const limits = await tx
    .select({
      serviceType: schema.timeLimit.serviceType,
      category: schema.timeLimit.category,
      workingDays: schema.timeLimit.workingDays,
    })
    .from(schema.timeLimit)
    .orderBy(asc(schema.timeLimit.serviceType), asc(schema.timeLimit.category));
  return { ...settings, timeLimits: limits };
}

/** The district's case settings; a new prefix applies to cases numbered from now on. */
export async function saveCaseSettings(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCaseSettingsRequest>,
) {
  requireTenantWide(actor, 'case.settings.manage');
  const input = ZCaseSettingsRequest.parse(request);
  const { timeZone: _, ...before } = await caseSettings(tx, actor.tenantId);
  await tx
    .insert(schema.caseSetting)
    .values({ tenantId: actor.tenantId, ...input })
    .onConflictDoUpdate({ target: schema.caseSetting.tenantId, set: input });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'case.settings_saved',
    objectType: 'tenant',
    objectId: actor.tenantId,
    before,
    after: input,
  });
  return input;
}

export const ZTimeLimitRequest = z.object({
  serviceType: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'case.service_type_invalid' }),
  /** A category id, or `*` for the service's default. */
  category: z
    .string()
    .regex(/^(\*|[a-z][a-z0-9-]{0,39})$/, { message: 'case.category_invalid' })
    .default('*'),
  workingDays: z.number().int().min(1).max(365),
});

/**
 * 限时办结: the limit for a service (and category). Plugins ship defaults (their `deadlines`);
 * the district's rows here decide. Applies to cases triaged or received from now on.
 */
export async function setTimeLimit(tx: TenantTx, actor: Actor, request: z.input<typeof ZTimeLimitRequest>) {
  requireTenantWide(actor, 'case.settings.manage');
  const input = ZTimeLimitRequest.parse(request);
  await tx
    .insert(schema.timeLimit)
    .values({ tenantId: actor.tenantId, ...input })
    .onConflictDoUpdate({
      target: [schema.timeLimit.tenantId, schema.timeLimit.serviceType, schema.timeLimit.category],
      set: { workingDays: input.workingDays },
    });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'case.time_limit_set',
    objectType: 'tenant',
    objectId: actor.tenantId,
    after: input,
  });
  return input;
}
