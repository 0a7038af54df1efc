import { checkCaseTextCitations } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The statute citations in a case's timeline texts, each marked valid, repealed or missing. */
export const checkCitations = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) => checkCaseTextCitations(ctx.tx, ctx.actor, input));
