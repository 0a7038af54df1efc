import { openDocument } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { documentDownload } from './files.ts';

/** A document as the admin's download route streams it; each download is audited. */
export const downloadDocument = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid(), documentId: z.uuid() }))
  .query(async ({ ctx, input }) => documentDownload(ctx, await openDocument(ctx.tx, ctx.actor, input)));
