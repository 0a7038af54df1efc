import { DomainError } from '@linju/core';
import { and, eq, gte, isNull, lte, or, schema, withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';
import { servicesOnAt } from './district-services.ts';
import { dayIn } from './district-week.ts';
import { publishedAnnouncements, themedDaysOf, weekRotaOf } from './public-notices.ts';
import { openServicePoint } from './service-points.ts';

/**
 * One service point's public notice board (公示栏): where and when, the services there, its
 * community lawyer adviser serving today (一居一顾问: lawyer and firm; the point's phone and
 * hours reach them), this week's duty rota, this month's themed day and its announcements.
 */
export const point = districtSiteProcedure
  .input(z.object({ organisationId: z.uuid() }))
  .query(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) => {
      const found = await openServicePoint(tx, input.organisationId);
      if (!found)
        throw new DomainError('not-found', 'publicSite.point_not_found', { field: 'organisationId' });
      const today = dayIn(ctx.district.timeZone, new Date());
      const [catalogue, advisers, week, themedDays, announcements] = await Promise.all([
        servicesOnAt(tx, found.id),
        tx
          .select({
            lawyerName: schema.communityAdviser.lawyerName,
            lawFirm: schema.communityAdviser.lawFirm,
          })
          .from(schema.communityAdviser)
          .where(
            and(
              eq(schema.communityAdviser.organisationId, found.id),
              lte(schema.communityAdviser.startsOn, today),
              or(
                and(isNull(schema.communityAdviser.endedEarlyOn), gte(schema.communityAdviser.endsOn, today)),
                gte(schema.communityAdviser.endedEarlyOn, today),
              ),
            ),
          ),
        weekRotaOf(tx, [found.id], today),
        themedDaysOf(tx, today.slice(0, 7), found.id),
        publishedAnnouncements(tx, 5, found.id),
      ]);
      const { latitude: _, longitude: __, path: ___, ...shown } = found;
      return {
        point: shown,
        services: catalogue.services.map(({ id, name }) => ({ id, name })),
        adviser: advisers[0] ?? null,
        week,
        themedDay: themedDays[0] ?? null,
        announcements,
      };
    }),
  );
