import { type Locale, organisationKindLabel } from '@linju/i18n';
import { type Choice, distinctLabels } from '@linju/ui';
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

/**
 * The organisations for a `ChoicePicker`, in tree order: each labelled by its name, told apart by
 * its kind and the unit above it (the street of a community room). `keep` narrows them (partners
 * only, not the case's own unit); a page's action resolves what was posted against the same list.
 */
export function organisationChoices(
  rows: readonly OrganisationRow[],
  locale: Locale,
  {
    includeClosed = false,
    keep = () => true,
  }: { includeClosed?: boolean; keep?: (row: OrganisationRow) => boolean } = {},
): Choice[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const { network, partners } = organisationOptions(rows, locale, { includeClosed });
  return distinctLabels(
    [...network, ...partners].flatMap(({ id, kind, name }) => {
      const row = byId.get(id);
      if (!row || !keep(row)) return [];
      const parent = row.parentId ? byId.get(row.parentId) : undefined;
      const kindLabel = organisationKindLabel(locale, kind);
      return [
        {
          id,
          label: name,
          detail: parent ? `${kindLabel} · ${organisationName(parent, locale)}` : kindLabel,
        },
      ];
    }),
  );
}
