import { NETWORK_ORGANISATION_KINDS } from '@linju/vocabulary';
import { type OrganisationRow, organisationName } from './organisation-tree.ts';
import { allowsOn, type Permission, parentMap, type RoleGrant } from './permissions.ts';

const SERVICE_UNIT_KINDS: readonly string[] = NETWORK_ORGANISATION_KINDS;

/**
 * The open service units (centre, stations, rooms, service points) where the person's grants
 * allow `permission`, in the list's order, named in both languages: the units a form offers.
 */
export function unitsAllowing(
  organisations: readonly OrganisationRow[],
  grants: readonly RoleGrant[],
  permission: Permission,
) {
  const parents = parentMap(organisations);
  return organisations
    .filter((o) => !o.closedAt && SERVICE_UNIT_KINDS.includes(o.kind))
    .filter((o) => allowsOn(grants, permission, o.id, parents))
    .map((o) => ({ id: o.id, nameZh: organisationName(o, 'zh-CN'), nameEn: organisationName(o, 'en') }));
}
