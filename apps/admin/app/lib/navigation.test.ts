import { describe, expect, it } from 'vitest';
import { sectionPath, sectionsFor } from './navigation.ts';

const at = (role: string) => [{ role, organisationId: 'centre' }];

describe('sectionsFor', () => {
  it('opens every section to a bureau administrator', () => {
    expect(sectionsFor(at('bureau-admin'))).toEqual([
      'today',
      'cases',
      'referrals',
      'organisations',
      'staff',
      'advisers',
      'audit',
    ]);
  });

  it('shows a desk officer the tree and the advisers, not staff or the audit log', () => {
    expect(sectionsFor(at('desk-officer'))).toEqual([
      'today',
      'cases',
      'referrals',
      'organisations',
      'advisers',
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
      'audit',
    ]);
  });

  it('leaves a partner user their home page and inbox, and combines several roles', () => {
    expect(sectionsFor(at('partner-user'))).toEqual(['today', 'referrals']);
    expect(sectionsFor([])).toEqual(['today']);
    expect(sectionsFor([...at('lawyer'), ...at('station-head')])).toEqual([
      'today',
      'cases',
      'referrals',
      'organisations',
      'staff',
      'advisers',
    ]);
  });

  it('links each section under the district', () => {
    expect(sectionPath('xuhui', 'today')).toBe('/t/xuhui');
    expect(sectionPath('xuhui', 'audit')).toBe('/t/xuhui/audit');
    expect(sectionPath('xuhui', 'cases')).toBe('/t/xuhui/cases');
    expect(sectionPath('xuhui', 'referrals')).toBe('/t/xuhui/referrals');
  });
});
