import { readProviderEvidence } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/** The evidence document (base64); each download is audited. */
export const getEvidence = permittedProcedure('provider.read')
  .input(z.object({ id: z.uuid() }))
  .query(({ ctx, input }) => readProviderEvidence(ctx.tx, ctx.actor, filesOf(ctx), input));
