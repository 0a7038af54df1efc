import { organisationProcedure } from '@linju/plugin-sdk';
import { defineSlot, ZDefineSlotRequest } from '../booking.ts';

/** A notary office offers an appointment slot (managers of the office's unit). */
export const createSlot = organisationProcedure({
  kind: 'mutation',
  permission: 'notary.slot.manage',
  input: ZDefineSlotRequest,
  run: (ctx, input) => defineSlot(ctx.db, input),
});
