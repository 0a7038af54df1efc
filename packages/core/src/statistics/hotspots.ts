import type { TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requireTenantWide } from '../actor.ts';
import { districtBoundaryOf } from '../coverage/district-boundary.ts';
import { findLocatedNetworkUnits } from '../organisations/organisation-queries.ts';
import { hotspotMap } from './hotspot-map.ts';
import { collectSweepFindings } from './monthly-sweep.ts';

export const ZHotspotRequest = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'statistics.period_invalid' }),
});

/**
 * 热点预警: the categories (all matters, and the imported 12345 orders) and the places where
 * disputes grew fastest in a month against the month before — the monthly sweep's ranking — and
 * the units on a plain map by their coordinates, sized by matters and coloured by growth.
 */
export async function getHotspots(tx: TenantTx, actor: Actor, request: z.input<typeof ZHotspotRequest>) {
  requireTenantWide(actor, 'statistics.read');
  const { month } = ZHotspotRequest.parse(request);
  const findings = await collectSweepFindings(tx, actor.tenantId, month);
  const [units, boundary] = await Promise.all([findLocatedNetworkUnits(tx), districtBoundaryOf(tx)]);
  const growth = new Map(findings.organisations.map((f) => [f.key, f]));
  const map = hotspotMap(
    units.map((u) => ({
      ...u,
      latitude: u.latitude as number,
      longitude: u.longitude as number,
      finding: growth.get(u.id) ?? null,
    })),
    boundary,
  );
  return {
    month: findings.month,
    previousMonth: findings.previousMonth,
    totals: findings.totals,
    categories: findings.categories,
    hotlineCategories: findings.hotlineCategories,
    places: findings.organisations,
    map,
    /** Units with matters but no coordinates: on the ranking, not on the map. */
    unplaced: findings.organisations.filter((f) => !units.some((u) => u.id === f.key)).length,
  };
}
