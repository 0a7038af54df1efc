import { describe, expect, it } from 'vitest';
import {
  buildOrganisationTree,
  countByKind,
  isOpenNetworkUnit,
  type OrganisationNode,
  type OrganisationRow,
  organisationRow,
  splitNetworkAndPartners,
} from './organisation-tree.ts';

function org(
  id: string,
  kind: string,
  parentId: string | null,
  nameZh: string,
  closedAt: Date | null = null,
) {
  return { id, kind, parentId, nameZh, nameEn: `${id} (en)`, closedAt } satisfies OrganisationRow;
}

function outline(nodes: OrganisationNode[]): unknown[] {
  return nodes.map((node) =>
    node.children.length > 0 ? [node.organisation.id, outline(node.children)] : node.organisation.id,
  );
}

const xuhui = [
  org('room-b', 'room', 'station-1', '北苑居委工作室'),
  org('court', 'court', null, '徐汇区人民法院'),
  org('station-2', 'station', 'centre', '长桥街道工作站'),
  org('centre', 'centre', null, '徐汇区公共法律服务中心'),
  org('station-1', 'station', 'centre', '安福路街道工作站'),
  org('point', 'service-point', 'centre', '地铁站服务点'),
  org('room-a', 'room', 'station-1', '安亭居委工作室', new Date('2025-01-01T00:00:00Z')),
  org('federation', 'federation', null, '区妇联'),
];

describe('buildOrganisationTree', () => {
  it('nests children under parents, ordered by kind then pinyin', () => {
    const tree = buildOrganisationTree(xuhui, 'zh-CN');
    expect(outline(tree)).toEqual([
      ['centre', [['station-1', ['room-a', 'room-b']], 'station-2', 'point']],
      'court',
      'federation',
    ]);
  });

  it('sorts names in the reader’s language', () => {
    const rooms = [org('b', 'room', null, '安亭'), org('a', 'room', null, '北苑')];
    expect(outline(buildOrganisationTree(rooms, 'en'))).toEqual(['a', 'b']);
    expect(outline(buildOrganisationTree(rooms, 'zh-CN'))).toEqual(['b', 'a']);
  });

  it('makes a row whose parent is out of sight a root', () => {
    const subtree = xuhui.filter((row) => row.id.startsWith('room') || row.id === 'station-1');
    expect(outline(buildOrganisationTree(subtree.slice(0, 1), 'zh-CN'))).toEqual(['room-b']);
    expect(outline(buildOrganisationTree(subtree, 'zh-CN'))).toEqual([['station-1', ['room-a', 'room-b']]]);
  });

  it('still shows rows caught in a parent cycle', () => {
    const cycle = [org('a', 'station', 'b', '甲'), org('b', 'room', 'a', '乙'), org('c', 'room', 'c', '丙')];
    const tree = buildOrganisationTree(cycle, 'zh-CN');
    const ids = JSON.stringify(outline(tree));
    for (const id of ['a', 'b', 'c']) expect(ids).toContain(`"${id}"`);
  });
});

describe('splitNetworkAndPartners', () => {
  it('separates partner organisations from the service network', () => {
    const { network, partners } = splitNetworkAndPartners(buildOrganisationTree(xuhui, 'zh-CN'));
    expect(network.map((node) => node.organisation.id)).toEqual(['centre']);
    expect(partners.map((node) => node.organisation.id)).toEqual(['court', 'federation']);
  });
});

describe('countByKind', () => {
  it('counts open and closed organisations per kind in canonical order', () => {
    expect(countByKind(xuhui)).toEqual([
      { kind: 'centre', open: 1, closed: 0 },
      { kind: 'station', open: 2, closed: 0 },
      { kind: 'room', open: 1, closed: 1 },
      { kind: 'service-point', open: 1, closed: 0 },
      { kind: 'court', open: 1, closed: 0 },
      { kind: 'federation', open: 1, closed: 0 },
    ]);
  });
});

describe('an organisation on a page', () => {
  it('keeps only what names it and places it in the tree', () => {
    const row = {
      id: 'r1',
      parentId: 'c1',
      kind: 'room',
      nameZh: '乐山居民区',
      nameEn: 'Leshan',
      closedAt: null,
    };
    expect(organisationRow({ ...row, address: '某路 1 号', phone: '021-0000' } as OrganisationRow)).toEqual(
      row,
    );
  });

  it('counts open centres, stations, rooms and service points as the network, not partners or closed units', () => {
    expect(
      ['centre', 'station', 'room', 'service-point'].map((kind) =>
        isOpenNetworkUnit({ kind, closedAt: null }),
      ),
    ).toEqual([true, true, true, true]);
    expect(isOpenNetworkUnit({ kind: 'court', closedAt: null })).toBe(false);
    expect(isOpenNetworkUnit({ kind: 'room', closedAt: '2026-01-01' })).toBe(false);
  });
});
