import { openProviderEvidence } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { documentDownload } from '../case/files.ts';

/** The evidence document as the admin's download route streams it; each download is audited. */
export const downloadEvidence = permittedProcedure('provider.read')
  .input(z.object({ id: z.uuid() }))
  .query(async ({ ctx, input }) =>
    documentDownload(ctx, await openProviderEvidence(ctx.tx, ctx.actor, input)),
  );
