import { exportRoundXlsx, ZRoundIdRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A round as an .xlsx workbook (base64) for the admin app's download route; audited, so a mutation. */
export const exportRound = permittedProcedure('questionnaire.read')
  .input(ZRoundIdRequest)
  .mutation(async ({ ctx, input }) => {
    const file = await exportRoundXlsx(ctx.tx, ctx.actor, input);
    return {
      fileName: file.fileName,
      mediaType: file.mediaType,
      contentBase64: Buffer.from(file.content).toString('base64'),
    };
  });
