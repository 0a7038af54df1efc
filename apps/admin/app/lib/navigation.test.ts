import { describe, expect, it } from 'vitest';
import { sectionPath, sectionsFor } from './navigation.ts';

const at = (role: string) => [{ role, organisationId: 'centre' }];

describe('sectionsFor', () => {
  it('opens every section to a bureau administrator', () => {
    expect(sectionsFor(at('bureau-admin'))).toEqual(['today', 'organisations', 'staff', 'advisers', 'audit']);
  });

  it('shows a desk officer the tree and the advisers, not staff or the audit log', () => {
    expect(sectionsFor(at('desk-officer'))).toEqual(['today', 'organisations', 'advisers']);
  });

  it('lets an inspector read staff and the audit log', () => {
    expect(sectionsFor(at('inspector'))).toEqual(['today', 'organisations', 'staff', 'advisers', 'audit']);
  });

  it('leaves a partner user only their home page, and combines several roles', () => {
    expect(sectionsFor(at('partner-user'))).toEqual(['today']);
    expect(sectionsFor([])).toEqual(['today']);
    expect(sectionsFor([...at('lawyer'), ...at('station-head')])).toEqual([
      'today',
      'organisations',
      'staff',
      'advisers',
    ]);
  });

  it('links each section under the district', () => {
    expect(sectionPath('xuhui', 'today')).toBe('/t/xuhui');
    expect(sectionPath('xuhui', 'audit')).toBe('/t/xuhui/audit');
  });
});
