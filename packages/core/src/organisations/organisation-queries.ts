import { and, inArray, isNotNull, isNull, type Queryable, schema } from '@linju/db';
import { NETWORK_ORGANISATION_KINDS } from '@linju/vocabulary';

/**
 * The district's open service-network units that have coordinates (centre, stations, rooms,
 * service points), for what is drawn or measured on a map: the service circle and the hotspots.
 */
export function findLocatedNetworkUnits(tx: Queryable) {
  return tx
    .select({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
      kind: schema.organisation.kind,
      latitude: schema.organisation.latitude,
      longitude: schema.organisation.longitude,
    })
    .from(schema.organisation)
    .where(
      and(
        inArray(schema.organisation.kind, [...NETWORK_ORGANISATION_KINDS]),
        isNull(schema.organisation.closedAt),
        isNotNull(schema.organisation.latitude),
        isNotNull(schema.organisation.longitude),
      ),
    );
}
