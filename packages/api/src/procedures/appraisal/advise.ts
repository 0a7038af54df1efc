import { createReferral, DomainError, getOrganisation, onPluginCase } from '@linju/core';
import { APPRAISAL_TYPE_NAMES, adviceOfCase, giveAdvice, ZGiveAdviceRequest } from '@linju/plugin-appraisal';
import { initialEffectKey, startReferralAfterCommit } from '@linju/workflows';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { engineOf } from '../referral/engine-of.ts';

/** Partner kinds an appraisal institution is registered as (a licensed institution, not a court or the police). */
const INSTITUTION_KINDS: readonly string[] = ['department', 'district'];

/**
 * A refusal of the referral about its partner (no consent to share with it, a closed partner) names
 * the referral's `toOrganisationId`; here that field is the advice's `institutionId`.
 */
function asInstitutionError(error: unknown): never {
  if (error instanceof DomainError && error.field === 'toOrganisationId') {
    throw new DomainError(error.kind, error.message, {
      field: 'institutionId',
      ...(error.params ? { params: error.params } : {}),
    });
  }
  throw error;
}

/**
 * Records the advice on an appraisal consultation (injury degree, disability grade, mental state,
 * capacity). Naming an institution refers the case to it, as a referral of kind `assistance`
 * tracked until it answers; the resident's consent to share with it is needed.
 */
export const advise = pluginPermittedProcedure('appraisal.case.answer')
  .input(ZGiveAdviceRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'appraisal', input.caseId, ctx.carrier, async (db) => {
      let referralId: string | null = null;
      if (input.institutionId) {
        const institution = await getOrganisation(ctx.tx, input.institutionId);
        if (!INSTITUTION_KINDS.includes(institution.kind)) {
          throw new DomainError('bad-request', 'appraisal.not_an_institution', { field: 'institutionId' });
        }
        const engine = engineOf(ctx);
        const { referral, start } = await createReferral(
          ctx.tx,
          ctx.actor,
          ctx.box,
          {
            caseId: input.caseId,
            toOrganisationId: institution.id,
            kind: 'assistance',
            summary: `委托${APPRAISAL_TYPE_NAMES[input.appraisalType]['zh-CN']}`,
            details: input.advice,
          },
          { initialEffectKey: initialEffectKey(ctx.tenantId), nodeId: engine.nodeId ?? 'local' },
        ).catch(asInstitutionError);
        startReferralAfterCommit(ctx, engine, start);
        referralId = referral.id;
      }
      const advice = await giveAdvice(db, { ...input, referralId }, ctx.actor.name);
      return {
        result: advice,
        timeline: {
          text: advice.advice,
          action: 'appraisal.advice.given',
          data: { event: 'appraisal-advice', appraisalType: advice.appraisalType, referralId },
        },
      };
    }),
  );

/** The appraisal advice given on a case. */
export const getAdvice = pluginPermittedProcedure('appraisal.case.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'appraisal', input.caseId, ctx.carrier, async (db) => ({
      result: await adviceOfCase(db, input.caseId),
    })),
  );
