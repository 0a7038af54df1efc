import { coverageRuleOf, haversineMetres } from '@linju/core';
import { asc, schema, withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';
import { openServicePoints } from './service-points.ts';

/** Where the resident is: a community chosen from the list, or the browser's location (WGS-84). */
const ZNear = z.union([
  z.object({ communityId: z.uuid() }),
  z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }),
]);

/**
 * The district's service points with address, hours and phone, and the communities to choose
 * from. Given where the resident is, the points are sorted by walking distance (straight line ×
 * the district's walking factor, as the 15-minute circle measures it) and each says whether it
 * lies within the circle: the rule's distance for a town (or a village, for a village community).
 */
export const points = districtSiteProcedure
  .input(z.object({ near: ZNear.nullish() }))
  .query(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) => {
      const [all, communities, rule] = await Promise.all([
        openServicePoints(tx),
        tx
          .select({
            id: schema.community.id,
            nameZh: schema.community.nameZh,
            nameEn: schema.community.nameEn,
            settlement: schema.community.settlement,
            latitude: schema.community.latitude,
            longitude: schema.community.longitude,
          })
          .from(schema.community)
          .orderBy(asc(schema.community.nameZh)),
        coverageRuleOf(tx),
      ]);
      const near = input.near ?? null;
      const community =
        near && 'communityId' in near ? communities.find((c) => c.id === near.communityId) : null;
      const from = community ?? (near && 'latitude' in near ? near : null);
      const limitMetres = community?.settlement === 'village' ? rule.villageMetres : rule.townMetres;
      const placed = all.map((point) => {
        const walkingMetres =
          from && point.latitude !== null && point.longitude !== null
            ? Math.round(
                haversineMetres(from, { latitude: point.latitude, longitude: point.longitude }) *
                  rule.walkingFactor,
              )
            : null;
        const { latitude: _, longitude: __, path: ___, ...shown } = point;
        return {
          ...shown,
          walkingMetres,
          withinCircle: walkingMetres !== null && walkingMetres <= limitMetres,
        };
      });
      if (from) placed.sort((a, b) => (a.walkingMetres ?? Infinity) - (b.walkingMetres ?? Infinity));
      return {
        points: placed,
        communities: communities.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
        /** The community chosen, when one was (a location is not echoed back). */
        communityId: community?.id ?? null,
        circleMetres: from ? limitMetres : null,
      };
    }),
  );
