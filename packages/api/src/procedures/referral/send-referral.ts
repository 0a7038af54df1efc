import { type CreateReferralRequest, createReferral, DomainError } from '@linju/core';
import type { ApiContext, TenantSession } from '../../trpc.ts';
import { engineOf, initialEffectKey, startReferralAfterCommit } from './engine.ts';

/**
 * The one "send a referral" ritual: the row, its `requested` event and (through the exchange) its
 * outbox message in the request's transaction — consent, partner and case checked by
 * `createReferral` first, so a refusal comes before "no workflow engine" — and its workflow
 * started once the transaction committed. `reroutedFrom` names the referral a reroute replaces.
 */
export async function sendReferral(
  ctx: ApiContext & TenantSession,
  request: CreateReferralRequest,
  options: { reroutedFrom?: string } = {},
) {
  const created = await createReferral(ctx.tx, ctx.actor, ctx.box, request, {
    initialEffectKey: initialEffectKey(ctx.tenantId),
    nodeId: ctx.temporal?.nodeId ?? 'local',
    ...(options.reroutedFrom ? { reroutedFrom: options.reroutedFrom } : {}),
  });
  startReferralAfterCommit(ctx, engineOf(ctx), created.start);
  return created;
}

/**
 * A refusal of the referral about its partner (no consent to share with it, a closed partner) names
 * the referral's `toOrganisationId`; a caller whose own input named the partner differently (an
 * appraisal's `institutionId`) gets its field named instead.
 */
export function renamePartnerField(error: unknown, field: string): never {
  if (error instanceof DomainError && error.field === 'toOrganisationId') {
    throw new DomainError(error.kind, error.message, {
      field,
      ...(error.params ? { params: error.params } : {}),
    });
  }
  throw error;
}
