import { recordConsent, ZConsentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Records the resident's consent for one purpose, from a case they brought. */
export const create = permittedProcedure('case.handle')
  .input(ZConsentRequest)
  .mutation(({ ctx, input }) => recordConsent(ctx.tx, ctx.actor, input));
