import { describe, expect, it } from 'vitest';
import {
  currentMenuPath,
  SECTION_GROUP,
  SECTION_GROUPS,
  SECTIONS,
  sectionOf,
  sectionPath,
  sectionsFor,
} from './navigation.ts';

const at = (role: string) => [{ role, organisationId: 'centre' }];

describe('sectionsFor', () => {
  it('opens every section to a bureau administrator', () => {
    expect(sectionsFor(at('bureau-admin'))).toEqual([
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
    ]);
  });

  it('shows a desk officer the tree, the advisers, the rota and the catalogue, not staff, settings or the audit log', () => {
    expect(sectionsFor(at('desk-officer'))).toEqual([
      'today',
      'cases',
      'assignment',
      'referrals',
      'organisations',
      'advisers',
      'rosters',
      'catalogue',
      'providers',
    ]);
  });

  it('lets an inspector read staff and the audit log', () => {
    expect(sectionsFor(at('inspector'))).toEqual([
      'today',
      'cases',
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
      'fileReviews',
      'audit',
    ]);
  });

  it('leaves a partner user their home page and inbox, and combines several roles', () => {
    expect(sectionsFor(at('partner-user'))).toEqual(['today', 'referrals']);
    // A city bureau's own first page is its districts' table. It has its own menu: it takes no
    // matters, so no case ledger, assignment or stations' scorecards, and no district desk work
    // (rotas, advisers, volunteers, subsidies, the district overview…).
    expect(sectionsFor(at('bureau-admin'), { cityBureau: true })).toEqual([
      'cityDistricts',
      'today',
      'referrals',
      'organisations',
      'staff',
      'statistics',
      'settings',
      'audit',
    ]);
    expect(sectionsFor(at('bureau-admin'), { cityBureau: false })).not.toContain('cityDistricts');
    expect(sectionsFor([])).toEqual(['today']);
    expect(sectionsFor([...at('lawyer'), ...at('station-head')])).toEqual([
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
    ]);
  });

  it('links each section under the district', () => {
    expect(sectionPath('xuhui', 'today')).toBe('/t/xuhui');
    expect(sectionPath('xuhui', 'audit')).toBe('/t/xuhui/audit');
    expect(sectionPath('shanghai', 'cityDistricts')).toBe('/t/shanghai/statistics/districts');
    expect(sectionPath('xuhui', 'cases')).toBe('/t/xuhui/cases');
    expect(sectionPath('xuhui', 'assignment')).toBe('/t/xuhui/cases/assignment');
    expect(sectionPath('xuhui', 'dashboard')).toBe('/t/xuhui/dashboard');
    expect(sectionPath('xuhui', 'referrals')).toBe('/t/xuhui/referrals');
    expect(sectionPath('xuhui', 'catalogue')).toBe('/t/xuhui/catalogue');
    expect(sectionPath('xuhui', 'settings')).toBe('/t/xuhui/settings');
    expect(sectionPath('xuhui', 'inspections')).toBe('/t/xuhui/inspections');
    expect(sectionPath('xuhui', 'scorecards')).toBe('/t/xuhui/scorecards');
    expect(sectionPath('xuhui', 'rosters')).toBe('/t/xuhui/rosters');
  });

  it('finds the section a page is in, for the breadcrumbs', () => {
    const sections = sectionsFor(at('bureau-admin'));
    expect(sectionOf('xuhui', sections, '/t/xuhui/statistics/coverage')).toBe('statistics');
    expect(sectionOf('xuhui', sections, '/t/xuhui/cases/5d2c')).toBe('cases');
    expect(sectionOf('xuhui', sections, '/t/xuhui/casesx')).toBe('today');
    expect(sectionOf('xuhui', ['cases'], '/t/xuhui/audit')).toBeUndefined();
  });

  it('marks one menu link as the current page: the deepest the page is in, Today only on itself', () => {
    const menu = [
      ...sectionsFor(at('bureau-admin')).map((section) => sectionPath('xuhui', section)),
      '/t/xuhui/notifications',
    ];
    expect(currentMenuPath('xuhui', menu, '/t/xuhui/cases/assignment')).toBe('/t/xuhui/cases/assignment');
    expect(currentMenuPath('xuhui', menu, '/t/xuhui/cases/5d2c/parties')).toBe('/t/xuhui/cases');
    expect(currentMenuPath('xuhui', menu, '/t/xuhui/cases')).toBe('/t/xuhui/cases');
    expect(currentMenuPath('xuhui', menu, '/t/xuhui')).toBe('/t/xuhui');
    expect(currentMenuPath('xuhui', menu, '/t/xuhui/notifications')).toBe('/t/xuhui/notifications');
    expect(currentMenuPath('xuhui', menu, '/t/xuhui/change-password')).toBeUndefined();
    const city = sectionsFor(at('bureau-admin'), { cityBureau: true }).map((s) => sectionPath('shanghai', s));
    expect(currentMenuPath('shanghai', city, '/t/shanghai/statistics/districts')).toBe(
      '/t/shanghai/statistics/districts',
    );
    expect(currentMenuPath('shanghai', city, '/t/shanghai/statistics')).toBe('/t/shanghai/statistics');
  });

  it('puts every section in one group of the side menu', () => {
    for (const section of SECTIONS) expect(SECTION_GROUPS).toContain(SECTION_GROUP[section]);
  });
});
