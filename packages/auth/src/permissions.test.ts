import { describe, expect, it } from 'vitest';
import { grantsAllow, needsTwoFactor, roleWithinCeiling, scopesFor } from './permissions.ts';

const stationHeadOfA = { role: 'station-head', organisationPath: '/centre/a/' } as const;
const deskOfCentre = { role: 'desk-officer', organisationPath: '/centre/' } as const;

describe('a grant covers the organisation it was made on and its subtree', () => {
  it('allows a station head to manage rooms below their station', () => {
    expect(grantsAllow([stationHeadOfA], 'organisation.manage', '/centre/a/room-1/')).toBe(true);
  });
  it('does not reach a sibling station or the centre above', () => {
    expect(grantsAllow([stationHeadOfA], 'organisation.manage', '/centre/b/')).toBe(false);
    expect(grantsAllow([stationHeadOfA], 'organisation.manage', '/centre/')).toBe(false);
  });
  it('gives a role only its own permissions, however high the grant', () => {
    expect(grantsAllow([deskOfCentre], 'organisation.read', '/centre/a/')).toBe(true);
    expect(grantsAllow([deskOfCentre], 'staff.manage', '/centre/a/')).toBe(false);
  });
  it('lists where a permission holds', () => {
    expect(scopesFor([stationHeadOfA, deskOfCentre], 'staff.manage')).toEqual(['/centre/a/']);
  });
  it('asks administrators, not desk officers, for a second factor', () => {
    expect(needsTwoFactor(['desk-officer', 'mediator'])).toBe(false);
    expect(needsTwoFactor(['desk-officer', 'station-head'])).toBe(true);
  });
});

describe('the role ceiling', () => {
  const directorOfCentre = { role: 'centre-director', organisationPath: '/centre/' } as const;
  it('reaches the roles whose every permission the grants hold there', () => {
    expect(roleWithinCeiling([stationHeadOfA], 'mediator', '/centre/a/')).toBe(true);
    expect(roleWithinCeiling([stationHeadOfA], 'station-head', '/centre/a/room-1/')).toBe(true);
    expect(roleWithinCeiling([directorOfCentre], 'station-head', '/centre/a/')).toBe(true);
  });
  it('stops at a role with one permission more, and outside the subtree', () => {
    expect(roleWithinCeiling([stationHeadOfA], 'centre-director', '/centre/a/')).toBe(false);
    expect(roleWithinCeiling([stationHeadOfA], 'inspector', '/centre/a/')).toBe(false);
    expect(roleWithinCeiling([directorOfCentre], 'bureau-admin', '/centre/')).toBe(false);
    expect(roleWithinCeiling([stationHeadOfA], 'mediator', '/centre/b/')).toBe(false);
  });
});
