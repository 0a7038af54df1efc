import type { Locale } from '@linju/i18n';
import { ALLOWED_PARENT_KINDS, NETWORK_ORGANISATION_KINDS, type OrganisationKind } from '@linju/vocabulary';
import {
  buildOrganisationTree,
  isPartnerKind,
  type OrganisationRow,
  organisationName,
} from './organisation-tree.ts';
import { ancestry, parentMap } from './permissions.ts';

function allowedParents(kind: string): readonly string[] | null {
  return Object.hasOwn(ALLOWED_PARENT_KINDS, kind) ? ALLOWED_PARENT_KINDS[kind as OrganisationKind] : null;
}

/** The kinds of unit that may be created under a unit of `parentKind`, in the tree's order. */
export function childKindsFor(parentKind: string): OrganisationKind[] {
  return NETWORK_ORGANISATION_KINDS.filter((kind) => allowedParents(kind)?.includes(parentKind) ?? false);
}

/** Whether a unit of this kind can be moved at all (it has a parent of some kind). */
export function isMovable(kind: string): boolean {
  return (allowedParents(kind)?.length ?? 0) > 0;
}

/**
 * Where `unit` may move: open units of an allowed parent kind, never the unit itself, anything
 * below it, or its current parent (moving there would change nothing).
 */
export function moveTargets<T extends OrganisationRow>(unit: OrganisationRow, rows: readonly T[]): T[] {
  const allowed = allowedParents(unit.kind) ?? [];
  const parents = parentMap(rows);
  return rows.filter(
    (row) =>
      allowed.includes(row.kind) &&
      !row.closedAt &&
      row.id !== unit.parentId &&
      !ancestry(row.id, parents).includes(unit.id),
  );
}

/** An organisation for a `<select>`: its label shows its depth in the tree. */
export interface OrganisationOption {
  id: string;
  kind: string;
  depth: number;
  name: string;
}

/**
 * The organisations in tree order (parents before children, siblings by kind then name), each
 * with its depth, for choosing one in a select; closed units are left out unless `includeClosed`.
 * Network and partners come separately, for two `<optgroup>`s.
 */
export function organisationOptions(
  rows: readonly OrganisationRow[],
  locale: Locale,
  { includeClosed = false }: { includeClosed?: boolean } = {},
): { network: OrganisationOption[]; partners: OrganisationOption[] } {
  const visible = includeClosed ? rows : rows.filter((row) => !row.closedAt);
  const network: OrganisationOption[] = [];
  const partners: OrganisationOption[] = [];
  const walk = (nodes: ReturnType<typeof buildOrganisationTree>, depth: number) => {
    for (const { organisation, children } of nodes) {
      const option = {
        id: organisation.id,
        kind: organisation.kind,
        depth,
        name: organisationName(organisation, locale),
      };
      (isPartnerKind(organisation.kind) ? partners : network).push(option);
      walk(children, depth + 1);
    }
  };
  walk(buildOrganisationTree(visible, locale), 0);
  return { network, partners };
}
