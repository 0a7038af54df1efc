import { inArray, schema, type TenantTx } from '@linju/db';

/** A timeline entry's data names a unit under a key ending so: a transfer's two, a referral's partner. */
const ORGANISATION_KEY = /OrganisationId$/;
/** Only ids are looked up: a plugin's data could hold anything under such a key. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names of the units a case's timeline mentions, whatever the reader's scope: a mediator at a
 * station reads who transferred the case to him though the centre is not among the units he sees
 * (names of the district's own units are not secret).
 */
export async function timelineOrganisations(
  tx: TenantTx,
  timeline: readonly { data: Record<string, unknown> }[],
) {
  const ids = new Set<string>();
  for (const { data } of timeline) {
    for (const [key, value] of Object.entries(data)) {
      if (ORGANISATION_KEY.test(key) && typeof value === 'string' && UUID.test(value)) ids.add(value);
    }
  }
  if (ids.size === 0) return [];
  return tx
    .select({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
    })
    .from(schema.organisation)
    .where(inArray(schema.organisation.id, [...ids]));
}
