import { describe, expect, it } from 'vitest';
import { childKindsFor, isMovable, moveTargets, organisationOptions } from './organisation-rules.ts';
import type { OrganisationRow } from './organisation-tree.ts';

function org(
  id: string,
  kind: string,
  parentId: string | null,
  closedAt: Date | null = null,
): OrganisationRow {
  return { id, kind, parentId, nameZh: id, nameEn: id, closedAt };
}

const rows = [
  org('centre', 'centre', null),
  org('s1', 'station', 'centre'),
  org('s2', 'station', 'centre'),
  org('s3', 'station', 'centre', new Date('2025-01-01T00:00:00Z')),
  org('r1', 'room', 's1'),
  org('p1', 'service-point', 'r1'),
  org('court', 'court', null),
];

describe('the parent rule', () => {
  it('offers the kinds that may sit under a unit', () => {
    expect(childKindsFor('centre')).toEqual(['station', 'service-point']);
    expect(childKindsFor('station')).toEqual(['room', 'service-point']);
    expect(childKindsFor('room')).toEqual(['service-point']);
    expect(childKindsFor('service-point')).toEqual([]);
    expect(childKindsFor('court')).toEqual([]);
    expect(childKindsFor('spaceport')).toEqual([]);
  });

  it('knows what can move at all', () => {
    expect(isMovable('room')).toBe(true);
    expect(isMovable('centre')).toBe(false);
    expect(isMovable('court')).toBe(false);
  });
});

describe('moveTargets', () => {
  const ids = (unit: OrganisationRow) => moveTargets(unit, rows).map((row) => row.id);

  it('offers open parents of an allowed kind, never the current parent', () => {
    expect(ids(org('r1', 'room', 's1'))).toEqual(['s2']);
    expect(ids(org('s1', 'station', 'centre'))).toEqual([]);
  });

  it('never offers the unit itself or anything below it', () => {
    // A service point may sit under a centre, station or room, but not under itself or its own subtree.
    expect(ids(org('p1', 'service-point', 'r1'))).toEqual(['centre', 's1', 's2']);
    const r1 = rows.find((row) => row.id === 'r1') as OrganisationRow;
    const pointUnderPoint = org('p2', 'service-point', 'centre');
    expect(moveTargets(pointUnderPoint, [...rows, pointUnderPoint]).map((row) => row.id)).toContain(r1.id);
  });
});

describe('organisationOptions', () => {
  it('lists units in tree order with their depth, partners apart, closed ones left out', () => {
    const { network, partners } = organisationOptions(rows, 'en');
    expect(network.map(({ id, depth }) => [id, depth])).toEqual([
      ['centre', 0],
      ['s1', 1],
      ['r1', 2],
      ['p1', 3],
      ['s2', 1],
    ]);
    expect(partners.map(({ id }) => id)).toEqual(['court']);
    expect(organisationOptions(rows, 'en', { includeClosed: true }).network.map(({ id }) => id)).toContain(
      's3',
    );
  });
});
