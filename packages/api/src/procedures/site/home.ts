import { withTenant } from '@linju/db';
import { districtSiteProcedure } from '../../trpc.ts';
import { districtCentre, servicesOnAt } from './district-services.ts';
import { dayIn } from './district-week.ts';
import { publishedAnnouncements, themedDaysOf } from './public-notices.ts';

/**
 * The district's public home: the entry points and services switched on for the district (at
 * its centre), the latest published announcements and this month's themed days.
 */
export const home = districtSiteProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, async (tx) => {
    const today = dayIn(ctx.district.timeZone, new Date());
    const centre = await districtCentre(tx);
    const [catalogue, announcements, themedDays] = await Promise.all([
      centre
        ? servicesOnAt(tx, centre.id)
        : { services: [], entryPoints: [], knowledgeServices: [] as string[] },
      publishedAnnouncements(tx, 5),
      themedDaysOf(tx, today.slice(0, 7)),
    ]);
    return { ...catalogue, announcements, themedDays };
  }),
);
