/** The roles a staff member holds on an organisation (DOMAIN.md); the database's enum of grants. */
export const ROLES = [
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
export type Role = (typeof ROLES)[number];

/** Roles whose accounts must sign in with a second factor: they can change who may do what. */
export const ADMIN_ROLES: readonly Role[] = ['bureau-admin', 'centre-director', 'station-head'];
