import { recordProviderMisconduct, ZRecordProviderRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/** Records misconduct of, or lists on the negative list, a lawyer, mediator or firm (with evidence). */
export const create = permittedProcedure('provider.manage')
  .input(ZRecordProviderRequest)
  .mutation(({ ctx, input }) => recordProviderMisconduct(ctx.tx, ctx.actor, filesOf(ctx), input));
