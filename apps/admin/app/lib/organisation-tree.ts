import type { Locale } from '@linju/i18n';
import {
  NETWORK_ORGANISATION_KINDS,
  ORGANISATION_KINDS,
  PARTNER_ORGANISATION_KINDS,
} from '@linju/vocabulary';

/** The fields of an organisation the home page needs. */
export interface OrganisationRow {
  id: string;
  parentId: string | null;
  kind: string;
  nameZh: string;
  nameEn: string;
  closedAt: Date | string | null;
}

export interface OrganisationNode<T extends OrganisationRow = OrganisationRow> {
  organisation: T;
  children: OrganisationNode<T>[];
}

export interface KindCount {
  kind: string;
  open: number;
  closed: number;
}

export function organisationName(
  organisation: Pick<OrganisationRow, 'nameZh' | 'nameEn'>,
  locale: Locale,
): string {
  return locale === 'en' && organisation.nameEn ? organisation.nameEn : organisation.nameZh;
}

/** An organisation as a page sends it to the browser: what names it and places it in the tree, nothing more. */
export const organisationRow = ({
  id,
  parentId,
  kind,
  nameZh,
  nameEn,
  closedAt,
}: OrganisationRow): OrganisationRow => ({
  id,
  parentId,
  kind,
  nameZh,
  nameEn,
  closedAt,
});

/** An open unit of the district's own network (centre, station, room, service point): where residents are served. */
export const isOpenNetworkUnit = (row: Pick<OrganisationRow, 'kind' | 'closedAt'>) =>
  (NETWORK_ORGANISATION_KINDS as readonly string[]).includes(row.kind) && !row.closedAt;

export function isPartnerKind(kind: string): boolean {
  return (PARTNER_ORGANISATION_KINDS as readonly string[]).includes(kind);
}

function kindRank(kind: string): number {
  const rank = (ORGANISATION_KINDS as readonly string[]).indexOf(kind);
  return rank === -1 ? ORGANISATION_KINDS.length : rank;
}

/**
 * Builds the tree from the flat list. A row whose parent is not in the list (the person sees only
 * their subtree) becomes a root. Siblings sort by kind (centre, station, room, …) then by name in
 * the reader's language. Rows caught in a parent cycle, which the database should never hold, are
 * still shown, as roots, rather than silently dropped.
 */
export function buildOrganisationTree<T extends OrganisationRow>(
  rows: readonly T[],
  locale: Locale,
): OrganisationNode<T>[] {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN-u-co-pinyin');
  const compare = (a: OrganisationNode<T>, b: OrganisationNode<T>) =>
    kindRank(a.organisation.kind) - kindRank(b.organisation.kind) ||
    collator.compare(organisationName(a.organisation, locale), organisationName(b.organisation, locale));

  const nodes = new Map(
    rows.map((organisation) => [organisation.id, { organisation, children: [] } as OrganisationNode<T>]),
  );
  const roots: OrganisationNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.organisation.parentId ? nodes.get(node.organisation.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }

  const reached = new Set<OrganisationNode<T>>();
  const visit = (node: OrganisationNode<T>) => {
    if (reached.has(node)) return;
    reached.add(node);
    node.children.sort(compare);
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  for (const node of nodes.values()) {
    if (reached.has(node)) continue;
    // Detach the node from its cycle so that rendering terminates.
    for (const other of nodes.values()) other.children = other.children.filter((child) => child !== node);
    roots.push(node);
    visit(node);
  }
  return roots.sort(compare);
}

/** Open and closed organisations per kind, in the canonical kind order; kinds with none are left out. */
export function countByKind(rows: readonly OrganisationRow[]): KindCount[] {
  const counts = new Map<string, KindCount>();
  for (const { kind, closedAt } of rows) {
    const count = counts.get(kind) ?? { kind, open: 0, closed: 0 };
    if (closedAt) count.closed += 1;
    else count.open += 1;
    counts.set(kind, count);
  }
  return [...counts.values()].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || a.kind.localeCompare(b.kind),
  );
}

/** Splits roots into the district's own network and its partners, for separate headings. */
export function splitNetworkAndPartners<T extends OrganisationRow>(
  roots: readonly OrganisationNode<T>[],
): {
  network: OrganisationNode<T>[];
  partners: OrganisationNode<T>[];
} {
  return {
    network: roots.filter((node) => !isPartnerKind(node.organisation.kind)),
    partners: roots.filter((node) => isPartnerKind(node.organisation.kind)),
  };
}
