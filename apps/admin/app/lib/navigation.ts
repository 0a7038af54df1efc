import type { MessageKey } from '@linju/i18n';
import { allowsAnywhere, type Permission, type RoleGrant } from './permissions.ts';
import { tenantPaths } from './tenant-paths.ts';

/** The signed-in app's main sections, in the order the navigation shows them. */
export const SECTIONS = [
  'today',
  'cases',
  'referrals',
  'organisations',
  'staff',
  'advisers',
  'rosters',
  'catalogue',
  'statistics',
  'settings',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

/** What a section needs somewhere in the tree (any one of them); `null` for sections everyone has. */
const SECTION_PERMISSION: Readonly<Record<Section, readonly Permission[] | null>> = {
  today: null,
  cases: ['case.read'],
  // Staff see what their units sent; partner users answer their inbox there.
  referrals: ['referral.read', 'referral.respond'],
  organisations: ['organisation.read'],
  staff: ['staff.read'],
  // The list of advisers is for everyone who sees the tree; contracting them is for managers.
  advisers: ['organisation.read'],
  // The rota and announcements are published to residents: everyone who sees the tree reads them.
  rosters: ['organisation.read'],
  // Everyone who sees the tree may look at what it offers; switching is for managers.
  catalogue: ['organisation.read'],
  statistics: ['statistics.read'],
  settings: ['case.settings.manage', 'partner.manage'],
  audit: ['audit.read'],
};

export const SECTION_LABEL: Readonly<Record<Section, MessageKey>> = {
  today: 'nav.today',
  cases: 'nav.cases',
  referrals: 'nav.referrals',
  organisations: 'nav.organisations',
  staff: 'nav.staff',
  advisers: 'nav.advisers',
  rosters: 'nav.rosters',
  catalogue: 'nav.catalogue',
  statistics: 'nav.statistics',
  settings: 'nav.settings',
  audit: 'nav.audit',
};

/**
 * The sections a person's roles open. Only a convenience: the server refuses what a role does not
 * allow, and a grant low in the tree may still be refused a district-wide page such as the audit log.
 */
export function sectionsFor(grants: readonly RoleGrant[]): Section[] {
  return SECTIONS.filter((section) => {
    const permission = SECTION_PERMISSION[section];
    return permission === null || permission.some((one) => allowsAnywhere(grants, one));
  });
}

export function sectionPath(slug: string, section: Section): string {
  switch (section) {
    case 'today':
      return tenantPaths.home(slug);
    case 'cases':
      return tenantPaths.cases(slug);
    case 'referrals':
      return tenantPaths.referrals(slug);
    case 'organisations':
      return tenantPaths.organisations(slug);
    case 'staff':
      return tenantPaths.staff(slug);
    case 'advisers':
      return tenantPaths.advisers(slug);
    case 'rosters':
      return tenantPaths.rosters(slug);
    case 'catalogue':
      return tenantPaths.catalogue(slug);
    case 'statistics':
      return tenantPaths.statistics(slug);
    case 'settings':
      return tenantPaths.settings(slug);
    case 'audit':
      return tenantPaths.audit(slug);
  }
}
