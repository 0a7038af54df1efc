import { createReferral, DomainError, getOrganisation, onPluginCase } from '@linju/core';
import { agreementForJudicialConfirmation, markJudicialConfirmation } from '@linju/plugin-mediation';
import { initialEffectKey, startReferralAfterCommit } from '@linju/workflows';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { engineOf } from '../referral/engine-of.ts';
import { partiesOf } from './case-parties.ts';

/**
 * "Apply for judicial confirmation" (申请司法确认): sends the agreement every party confirmed to a
 * court as a referral of kind `judicial-confirmation`, naming the agreement's case document. The
 * resident's consent to share with that court is needed, as for any referral.
 */
export const applyJudicialConfirmation = pluginPermittedProcedure('mediation.judicial-confirmation.request')
  .input(z.object({ caseId: z.uuid(), agreementId: z.uuid(), courtId: z.uuid() }))
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db, c) => {
      const parties = (await partiesOf(ctx.tx, ctx.actor, c)).parties.map((p) => p.name);
      const agreement = await agreementForJudicialConfirmation(db, input.caseId, input.agreementId, parties);
      const court = await getOrganisation(ctx.tx, input.courtId);
      if (court.kind !== 'court') {
        throw new DomainError('bad-request', 'mediation.partner_not_a_court', { field: 'courtId' });
      }
      const engine = engineOf(ctx);
      const { referral, start } = await createReferral(
        ctx.tx,
        ctx.actor,
        ctx.box,
        {
          caseId: input.caseId,
          toOrganisationId: court.id,
          kind: 'judicial-confirmation',
          summary: `申请司法确认：${parties.join('与')}人民调解协议`,
          details: `人民调解协议书见案件文书 ${agreement.documentId}；协议条款：\n${agreement.terms.map((t, i) => `${i + 1}. ${t}`).join('\n')}`,
          // The agreement's PDF goes with it (spec: an attachment the court fetches).
          documentIds: [agreement.documentId],
        },
        { initialEffectKey: initialEffectKey(ctx.tenantId), nodeId: engine.nodeId ?? 'local' },
      );
      await markJudicialConfirmation(db, agreement.id, referral.id);
      startReferralAfterCommit(ctx, engine, start);
      return { result: referral };
    }),
  );
