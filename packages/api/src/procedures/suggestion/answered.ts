import { publicAnsweredSuggestions } from '@linju/core';
import { withTenant } from '@linju/db';
import { districtSiteProcedure } from '../../trpc.ts';

/** The public site's answered list: what residents agreed to show, nobody's phone. */
export const answered = districtSiteProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) => publicAnsweredSuggestions(tx)),
);
