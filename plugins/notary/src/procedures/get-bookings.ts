import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { bookingsOfCase } from '../booking.ts';

/** A notarial case's appointments, live and cancelled. */
export const getBookings = caseProcedure({
  kind: 'query',
  permission: 'notary.matter.view',
  input: z.object({ caseId: z.uuid() }),
  run: (ctx, input) => bookingsOfCase(ctx.db, input.caseId),
});
