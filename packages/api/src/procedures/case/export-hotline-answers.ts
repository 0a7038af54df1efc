import { exportHotlineAnswers, ZHotlineAnswersRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * 12345 answers of a period (CSV or XLSX in the hotline's import format), base64, for the admin
 * app's download route; audited as an export. A mutation: it writes the audit entry.
 */
export const exportHotlineAnswersProcedure = permittedProcedure('case.manage')
  .input(ZHotlineAnswersRequest)
  .mutation(async ({ ctx, input }) => {
    const file = await exportHotlineAnswers(ctx.tx, ctx.actor, input);
    return {
      fileName: file.fileName,
      mediaType: file.mediaType,
      rows: file.rows,
      contentBase64: Buffer.from(file.content).toString('base64'),
    };
  });
