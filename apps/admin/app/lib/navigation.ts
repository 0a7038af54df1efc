import type { MessageKey } from '@linju/i18n';
import { allowsAnywhere, type Permission, type RoleGrant } from './permissions.ts';
import { tenantPaths } from './tenant-paths.ts';

/**
 * The signed-in app's own sections, in the order the navigation shows them. The plugins' district
 * pages (the notary offices' slots, the publicity events) are not listed here: they come from the
 * plugins' declarations (`adminRoutes`, see `plugin-screens.ts`) and follow the rosters.
 */
export const SECTIONS = [
  'cityDistricts',
  'today',
  'cases',
  'assignment',
  'referrals',
  'organisations',
  'staff',
  'advisers',
  'rosters',
  'catalogue',
  'dashboard',
  'statistics',
  'inspections',
  'scorecards',
  'questionnaires',
  'providers',
  'volunteers',
  'suggestions',
  'subsidies',
  'fileReviews',
  'settings',
  'messages',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The side menu's groups, by the work they serve, in order. */
export const SECTION_GROUPS = ['work', 'analysis', 'quality', 'system'] as const;
export type SectionGroup = (typeof SECTION_GROUPS)[number];

export const SECTION_GROUP_LABEL: Readonly<Record<SectionGroup, MessageKey>> = {
  work: 'nav.group_work',
  analysis: 'nav.group_analysis',
  quality: 'nav.group_quality',
  system: 'nav.group_system',
};

/** 业务办理 / 统计分析 / 质量管理 / 系统设置: where each section sits in the side menu. */
export const SECTION_GROUP: Readonly<Record<Section, SectionGroup>> = {
  today: 'work',
  cases: 'work',
  assignment: 'work',
  referrals: 'work',
  rosters: 'work',
  advisers: 'work',
  volunteers: 'work',
  suggestions: 'work',
  cityDistricts: 'analysis',
  dashboard: 'analysis',
  statistics: 'analysis',
  scorecards: 'analysis',
  inspections: 'quality',
  questionnaires: 'quality',
  providers: 'quality',
  fileReviews: 'quality',
  subsidies: 'quality',
  organisations: 'system',
  staff: 'system',
  catalogue: 'system',
  settings: 'system',
  messages: 'system',
  audit: 'system',
};

/**
 * What a city bureau (市局) works with: its districts' figures side by side, the referrals, its own
 * organisation, staff, settings and audit log. It takes no matters itself (no service is on), so
 * the districts' own work is not its menu: the case ledger and assignment, the stations'
 * scorecards (站点考核), rotas, advisers, volunteers, subsidies, file reviews…
 */
const CITY_SECTIONS: ReadonlySet<Section> = new Set([
  'cityDistricts',
  'today',
  'referrals',
  'statistics',
  'organisations',
  'staff',
  'settings',
  'audit',
]);

/** What a section needs somewhere in the tree (any one of them); `null` for sections everyone has. */
const SECTION_PERMISSION: Readonly<Record<Section, readonly Permission[] | null>> = {
  // A city bureau's own page: the districts side by side (only for a city, see `sectionsFor`).
  cityDistricts: ['statistics.read'],
  today: null,
  cases: ['case.read'],
  // 待分派 / 新转入: for those who assign cases (station heads, the front desk).
  assignment: ['case.manage'],
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
  // The director's overview reads the same scope as the statistics.
  dashboard: ['statistics.read'],
  statistics: ['statistics.read'],
  // Inspectors and the bureau record them; station heads read their own units'.
  inspections: ['inspection.read'],
  scorecards: ['statistics.read'],
  // Questionnaires and third-party assessment results: the evaluations residents and assessors give.
  questionnaires: ['questionnaire.read', 'assessment.read'],
  // Provider records: whoever assigns work sees them; the bureau records them.
  providers: ['provider.read'],
  volunteers: ['volunteer.read'],
  // The suggestion box is answered for the district: the centre's and bureau's roles who answer the public.
  suggestions: ['suggestion.answer'],
  subsidies: ['subsidy.manage'],
  fileReviews: ['file-review.conduct'],
  settings: ['case.settings.manage', 'partner.manage'],
  // The outbox is the district's: its administrator sees what went out and what failed.
  messages: ['tenant.settings.manage'],
  audit: ['audit.read'],
};

export const SECTION_LABEL: Readonly<Record<Section, MessageKey>> = {
  cityDistricts: 'nav.city_districts',
  today: 'nav.today',
  cases: 'nav.cases',
  assignment: 'nav.assignment',
  referrals: 'nav.referrals',
  organisations: 'nav.organisations',
  staff: 'nav.staff',
  advisers: 'nav.advisers',
  rosters: 'nav.rosters',
  catalogue: 'nav.catalogue',
  dashboard: 'nav.dashboard',
  statistics: 'nav.statistics',
  inspections: 'nav.inspections',
  scorecards: 'nav.scorecards',
  questionnaires: 'nav.questionnaires',
  providers: 'nav.providers',
  volunteers: 'nav.volunteers',
  suggestions: 'nav.suggestions',
  subsidies: 'nav.subsidies',
  fileReviews: 'nav.file_reviews',
  settings: 'nav.settings',
  messages: 'nav.messages',
  audit: 'nav.audit',
};

/**
 * The sections a person's roles open. Only a convenience: the server refuses what a role does not
 * allow, and a grant low in the tree may still be refused a district-wide page such as the audit log.
 * A city bureau (市局) leads with its districts' table and has only its own sections
 * (`CITY_SECTIONS`): its work is the districts' figures, not residents' matters.
 */
export function sectionsFor(grants: readonly RoleGrant[], tenant: { cityBureau?: boolean } = {}): Section[] {
  return SECTIONS.filter((section) => {
    if (section === 'cityDistricts' && !tenant.cityBureau) return false;
    if (tenant.cityBureau && !CITY_SECTIONS.has(section)) return false;
    const permission = SECTION_PERMISSION[section];
    return permission === null || permission.some((one) => allowsAnywhere(grants, one));
  });
}

export function sectionPath(slug: string, section: Section): string {
  switch (section) {
    case 'cityDistricts':
      return tenantPaths.cityDistricts(slug);
    case 'today':
      return tenantPaths.home(slug);
    case 'cases':
      return tenantPaths.cases(slug);
    case 'assignment':
      return tenantPaths.assignment(slug);
    case 'dashboard':
      return tenantPaths.dashboard(slug);
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
    case 'inspections':
      return tenantPaths.inspections(slug);
    case 'scorecards':
      return tenantPaths.scorecards(slug);
    case 'questionnaires':
      return tenantPaths.questionnaires(slug);
    case 'providers':
      return tenantPaths.providers(slug);
    case 'volunteers':
      return tenantPaths.volunteers(slug);
    case 'suggestions':
      return tenantPaths.suggestions(slug);
    case 'subsidies':
      return tenantPaths.subsidies(slug);
    case 'fileReviews':
      return tenantPaths.fileReviews(slug);
    case 'settings':
      return tenantPaths.settings(slug);
    case 'messages':
      return tenantPaths.messages(slug);
    case 'audit':
      return tenantPaths.audit(slug);
  }
}

/** The entry of `entries` whose path `pathname` is at or deepest below. */
function deepestWithin<T>(entries: readonly { key: T; path: string }[], pathname: string): T | undefined {
  let best: { key: T; length: number } | undefined;
  for (const { key, path } of entries) {
    const within = pathname === path || pathname.startsWith(`${path}/`);
    if (within && path.length > (best?.length ?? -1)) best = { key, length: path.length };
  }
  return best?.key;
}

/** The section a path belongs to (the longest section path it starts with), for the breadcrumbs. */
export function sectionOf(slug: string, sections: readonly Section[], pathname: string): Section | undefined {
  return deepestWithin(
    sections.map((section) => ({ key: section, path: sectionPath(slug, section) })),
    pathname,
  );
}

/**
 * The one menu link the page is in, of the menu's links (`paths`): the deepest one the path is
 * at or below, Today (the district's home, above every page) only on itself. Matching each link
 * on its own marked both 案件 and 分派 on `/cases/assignment`, and 统计 with 各区汇总.
 */
export function currentMenuPath(
  slug: string,
  paths: readonly string[],
  pathname: string,
): string | undefined {
  const home = tenantPaths.home(slug);
  if (pathname === home) return paths.includes(home) ? home : undefined;
  return deepestWithin(
    paths.filter((path) => path !== home).map((path) => ({ key: path, path })),
    pathname,
  );
}
