import { placesForResidents } from '@linju/core';
import { withTenant } from '@linju/db';
import { districtSiteProcedure } from '../../trpc.ts';

/** The district's open service points, for a resident to say where they live or came from. */
export const places = districtSiteProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) => placesForResidents(tx)),
);
