import { DomainError, unitsOffering } from '@linju/core';
import { withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';
import { districtCentre, servicesOnAt } from './district-services.ts';
import { openServicePoints } from './service-points.ts';

/**
 * One service as a resident reads it: what it is, what to bring, how long it takes, and the
 * service points where it is switched on. A service the district has not switched on is not found.
 */
export const service = districtSiteProcedure
  .input(
    z.object({
      serviceId: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/)
        .max(80),
    }),
  )
  .query(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) => {
      const centre = await districtCentre(tx);
      const found = centre
        ? (await servicesOnAt(tx, centre.id)).services.find((s) => s.id === input.serviceId)
        : undefined;
      if (!found) throw new DomainError('not-found', 'publicSite.service_not_found', { field: 'serviceId' });
      const offering = await unitsOffering(tx, await openServicePoints(tx), found.id);
      return {
        service: found,
        points: offering.map(({ path: _, latitude: __, longitude: ___, ...point }) => point),
      };
    }),
  );
