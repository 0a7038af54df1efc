import { describe, expect, it } from 'vitest';
import {
  allowsAnywhere,
  allowsOn,
  allowsTenantWide,
  ancestry,
  parentMap,
  roleAllows,
} from './permissions.ts';

// centre → station-1 → room-1; centre → station-2; court (a partner) at the top.
const tree = parentMap([
  { id: 'centre', parentId: null },
  { id: 'station-1', parentId: 'centre' },
  { id: 'room-1', parentId: 'station-1' },
  { id: 'station-2', parentId: 'centre' },
  { id: 'court', parentId: null },
]);

describe('the permission registry', () => {
  it('answers per role', () => {
    expect(roleAllows('station-head', 'staff.manage')).toBe(true);
    expect(roleAllows('inspector', 'staff.manage')).toBe(false);
    expect(roleAllows('partner-user', 'organisation.read')).toBe(false);
    expect(allowsAnywhere([{ role: 'inspector', organisationId: 'centre' }], 'audit.read')).toBe(true);
  });
});

describe('scopes in the tree', () => {
  it('walks up to the root and stops at a cycle', () => {
    expect(ancestry('room-1', tree)).toEqual(['room-1', 'station-1', 'centre']);
    const cycle = parentMap([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(ancestry('a', cycle)).toEqual(['a', 'b']);
  });

  it('lets a grant cover its unit and everything below, nothing beside', () => {
    const head = [{ role: 'station-head', organisationId: 'station-1' }];
    expect(allowsOn(head, 'organisation.manage', 'station-1', tree)).toBe(true);
    expect(allowsOn(head, 'organisation.manage', 'room-1', tree)).toBe(true);
    expect(allowsOn(head, 'organisation.manage', 'station-2', tree)).toBe(false);
    expect(allowsOn(head, 'organisation.manage', 'centre', tree)).toBe(false);
    expect(
      allowsOn([{ role: 'desk-officer', organisationId: 'centre' }], 'organisation.manage', 'room-1', tree),
    ).toBe(false);
  });

  it('gives district-wide rights only to grants on a root', () => {
    expect(
      allowsTenantWide([{ role: 'bureau-admin', organisationId: 'centre' }], 'partner.manage', tree),
    ).toBe(true);
    expect(
      allowsTenantWide([{ role: 'station-head', organisationId: 'station-1' }], 'partner.manage', tree),
    ).toBe(false);
    expect(
      allowsTenantWide([{ role: 'centre-director', organisationId: 'station-1' }], 'partner.manage', tree),
    ).toBe(false);
    // A grant on a unit the list does not show cannot be shown to be a root.
    expect(
      allowsTenantWide([{ role: 'bureau-admin', organisationId: 'elsewhere' }], 'partner.manage', tree),
    ).toBe(false);
  });
});
