import { and, asc, eq, inArray, isNull, schema, type TenantTx } from '@linju/db';

/** What the public notice of a service point says: where it is, when it is open, how to call. */
const publicColumns = {
  id: schema.organisation.id,
  parentId: schema.organisation.parentId,
  path: schema.organisation.path,
  kind: schema.organisation.kind,
  nameZh: schema.organisation.nameZh,
  nameEn: schema.organisation.nameEn,
  address: schema.organisation.address,
  openingHours: schema.organisation.openingHours,
  phone: schema.organisation.phone,
  latitude: schema.organisation.latitude,
  longitude: schema.organisation.longitude,
};

const open = and(
  inArray(schema.organisation.kind, [...schema.NETWORK_ORGANISATION_KINDS]),
  isNull(schema.organisation.closedAt),
);

/** The district's open centre, stations, rooms and service points, in the tree's order. */
export function openServicePoints(tx: TenantTx) {
  return tx
    .select(publicColumns)
    .from(schema.organisation)
    .where(open)
    .orderBy(asc(schema.organisation.path));
}

export type PublicServicePoint = Awaited<ReturnType<typeof openServicePoints>>[number];

/** One open service point; null for an id that is not one (a partner, a closed unit, nothing). */
export async function openServicePoint(tx: TenantTx, organisationId: string) {
  const [point] = await tx
    .select(publicColumns)
    .from(schema.organisation)
    .where(and(open, eq(schema.organisation.id, organisationId)));
  return point ?? null;
}
