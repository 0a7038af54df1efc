import { residentSuggestions } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentProcedure } from '../../trpc.ts';

/** The messages the resident left with the phone they proved here, with their answers: for them only. */
export const mine = residentProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) =>
    residentSuggestions(tx, ctx.box, ctx.district.id, ctx.resident.phone),
  ),
);
