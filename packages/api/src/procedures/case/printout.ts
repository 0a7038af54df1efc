import { CASE_PRINTOUTS, printCase } from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** A printout of the case (受理回执, 案卷封面) as a PDF: base64 and its file name in words. */
export const printout = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid(), printout: z.enum(CASE_PRINTOUTS) }))
  .query(({ ctx, input }) => printCase(ctx.tx, ctx.actor, input, pluginRegistry.plugins));
