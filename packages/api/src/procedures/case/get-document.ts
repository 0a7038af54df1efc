import { readDocument } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';

/** A document's content (base64); each download is audited. */
export const getDocument = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid(), documentId: z.uuid() }))
  .query(({ ctx, input }) => readDocument(ctx.tx, ctx.actor, filesOf(ctx), input));
