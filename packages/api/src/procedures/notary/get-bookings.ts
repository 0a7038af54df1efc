import { onPluginCase } from '@linju/core';
import { bookingsOfCase } from '@linju/plugin-notary';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** A notarial case's appointments, live and cancelled. */
export const getBookings = pluginPermittedProcedure('notary.matter.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, ctx.carrier, async (db) => ({
      result: await bookingsOfCase(db, input.caseId),
    })),
  );
