import { withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';
import { districtCentre, servicesOnAt } from './district-services.ts';
import { dayIn } from './district-week.ts';
import { themedDaysOf, weekRotaOf } from './public-notices.ts';
import { openServicePoints } from './service-points.ts';

/**
 * This week's duty rota of the district (or of one point): each day's slots with the point,
 * the service and who is on duty, and this month's themed days. An id that is no open service
 * point filters to nothing rather than failing: the list of points to choose from comes with it.
 */
export const rota = districtSiteProcedure
  .input(z.object({ organisationId: z.uuid().nullish() }))
  .query(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) => {
      const today = dayIn(ctx.district.timeZone, new Date());
      const points = (await openServicePoints(tx)).map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn }));
      const chosen = input.organisationId ? points.filter((p) => p.id === input.organisationId) : points;
      const centre = await districtCentre(tx);
      const [week, themedDays, catalogue] = await Promise.all([
        weekRotaOf(
          tx,
          chosen.map((p) => p.id),
          today,
        ),
        themedDaysOf(tx, today.slice(0, 7), input.organisationId ?? undefined),
        centre ? servicesOnAt(tx, centre.id) : { services: [] },
      ]);
      return {
        today,
        points,
        organisationId: input.organisationId && chosen.length === 1 ? (chosen[0]?.id ?? null) : null,
        week,
        themedDays,
        /** The services' names, for the slots' service types. */
        services: catalogue.services.map(({ id, name }) => ({ id, name })),
      };
    }),
  );
