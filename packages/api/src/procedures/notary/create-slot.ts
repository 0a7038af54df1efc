import { atPluginOrganisation } from '@linju/core';
import { defineSlot, ZDefineSlotRequest } from '@linju/plugin-notary';
import { permittedProcedure } from '../../trpc.ts';

/** A notary office offers an appointment slot (managers of the office's unit). */
export const createSlot = permittedProcedure('case.manage')
  .input(ZDefineSlotRequest)
  .mutation(({ ctx, input }) =>
    atPluginOrganisation(ctx.tx, ctx.actor, 'notary', input.officeId, 'case.manage', (db) =>
      defineSlot(db, input),
    ),
  );
