/** Kinds of the district's own service network (centre → station → room, service points), in the tree's order. */
export const NETWORK_ORGANISATION_KINDS = ['centre', 'station', 'room', 'service-point'] as const;
/** Partner organisations that receive referrals; they stand outside the tree. */
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
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Which kind may sit under which: centre → station → room, service points anywhere in the tree;
 * partners and the centre stand at the top (`null`: no parent). The server refuses any other
 * placement; the admin app offers only these.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrganisationKind, readonly OrganisationKind[] | null>> = {
  centre: null,
  station: ['centre'],
  room: ['station'],
  'service-point': ['centre', 'station', 'room'],
  court: null,
  police: null,
  procuratorate: null,
  'labour-arbitration': null,
  federation: null,
  department: null,
  district: null,
};
