import { createReferral, ZCreateReferralRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { engineOf, initialEffectKey, startReferralWorkflow } from './engine.ts';

/**
 * Sends a case to a partner: the row and its `requested` event (and, for a partner reached through
 * the exchange, the create message in the outbox), then the workflow (id = business key) in the
 * same transaction. Refused without the resident's consent for that partner.
 */
export const create = permittedProcedure('referral.send')
  .input(ZCreateReferralRequest)
  .mutation(async ({ ctx, input }) => {
    const { referral, start } = await createReferral(ctx.tx, ctx.actor, ctx.box, input, {
      initialEffectKey: initialEffectKey(ctx.tenantId),
      nodeId: ctx.temporal?.nodeId ?? 'local',
    });
    await startReferralWorkflow(engineOf(ctx), start);
    return referral;
  });
