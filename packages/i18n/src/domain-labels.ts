import { isMessageKey, type Locale, translate } from './catalogue.ts';

/** The role ids the catalogues name (DOMAIN.md); a role is granted on an organisation. */
export const ROLE_IDS = [
  'bureau-admin',
  'centre-director',
  'station-head',
  'desk-officer',
  'lawyer',
  'notary',
  'mediator',
  'legal-aid-officer',
  'appraiser',
  'publicity-officer',
  'volunteer',
  'inspector',
  'partner-user',
] as const;

/** Organisation kinds of the district's own service network, in the order of the tree. */
export const NETWORK_ORGANISATION_KINDS = ['centre', 'station', 'room', 'service-point'] as const;
/** Organisation kinds of partners outside the tree, which receive referrals. */
export const PARTNER_ORGANISATION_KINDS = [
  'court',
  'police',
  'procuratorate',
  'labour-arbitration',
  'federation',
  'department',
  'district',
] as const;
export const ORGANISATION_KINDS = [...NETWORK_ORGANISATION_KINDS, ...PARTNER_ORGANISATION_KINDS] as const;

/** The six core services ("6" of "6+X"). */
export const SERVICE_IDS = [
  'consultation',
  'notary',
  'mediation',
  'legal-aid',
  'appraisal',
  'legal-education',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type ServiceId = (typeof SERVICE_IDS)[number];

// Ids arrive from the database as plain strings; an id this build has no label for is shown as is
// rather than failing the page.
function labelOrId(locale: Locale, key: string, id: string): string {
  return isMessageKey(key) ? translate(locale, key) : id;
}

export function roleLabel(locale: Locale, role: string): string {
  return labelOrId(locale, `role.${role}`, role);
}

export function organisationKindLabel(locale: Locale, kind: string): string {
  return labelOrId(locale, `organisationKind.${kind}`, kind);
}

export function serviceLabel(locale: Locale, service: string): string {
  return labelOrId(locale, `service.${service}`, service);
}
