import { setDistrictBoundary, ZBoundaryUpload } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Replaces the district's boundary (GeoJSON, WGS-84 or GCJ-02), drawn under its maps. */
export const setBoundary = permittedProcedure('tenant.settings.manage')
  .input(ZBoundaryUpload)
  .mutation(({ ctx, input }) => setDistrictBoundary(ctx.tx, ctx.actor, input));
