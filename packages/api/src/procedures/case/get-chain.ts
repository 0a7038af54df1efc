import { getCaseChain } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const getChain = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) => getCaseChain(ctx.tx, ctx.actor, input));
