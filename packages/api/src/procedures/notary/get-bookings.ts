import { onPluginCase } from '@linju/core';
import { bookingsOfCase } from '@linju/plugin-notary';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** A notarial case's appointments, live and cancelled. */
export const getBookings = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, 'case.read', async (db) => ({
      result: await bookingsOfCase(db, input.caseId),
    })),
  );
