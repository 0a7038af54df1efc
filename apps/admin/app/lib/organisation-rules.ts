import { type Locale, NETWORK_ORGANISATION_KINDS, type OrganisationKind } from '@linju/i18n';
import {
  buildOrganisationTree,
  isPartnerKind,
  type OrganisationRow,
  organisationName,
} from './organisation-tree.ts';
import { ancestry, parentMap } from './permissions.ts';

/**
 * Which kind may sit under which: centre → station → room, service points anywhere in the tree,
 * partners and the centre at the top. A mirror of the server's rule (ALLOWED_PARENT_KINDS in
 * packages/core; a unit test keeps them equal), used only to offer sensible choices.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrganisationKind, readonly OrganisationKind[] | null>> = {
  centre: null,
  station: ['centre'],
  room: ['station'],
  'service-point': ['centre', 'station', 'room'],
  court: null,
  police: null,
  procuratorate: null,
  'labour-arbitration': null,
  federation: null,
  department: null,
  district: null,
};

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
