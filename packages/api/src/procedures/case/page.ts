import type { Permission } from '@linju/auth';
import { roleAllows } from '@linju/auth';
import {
  type Actor,
  caseAssigneesOf,
  caseChainOf,
  caseConsentsOf,
  caseOf,
  DomainError,
  listOrganisations,
  loadCase,
  timelineOrganisations,
} from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { caseServiceScreens, caseToolScreens } from '../catalogue/admin-screens.ts';
import { catalogueAt } from '../catalogue/catalogue-at.ts';
import { outgoingReferrals } from '../referral/outgoing-referrals.ts';

const heldAnywhere = (actor: Actor, permission: Permission) =>
  actor.grants.some((g) => roleAllows(g.role, permission));

/** A part the person may not see here: left out of the page rather than refusing the page. */
async function unlessForbidden<T>(part: () => Promise<T>, absent: T): Promise<T> {
  try {
    return await part();
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'forbidden') return absent;
    throw error;
  }
}

/**
 * Everything the admin's case page shows, in one session check and one transaction: the case
 * (as `case.get`), its chain, consents, outgoing referrals, the units to name and choose, the
 * names of the units its timeline mentions, the services on at its unit (for triage), its
 * service's own pages, the knowledge tools on at its unit (法律知识), and who can be assigned. A part the person may not see is empty (`[]`, or
 * `null` for the assignees), not a refusal; the case itself needs `case.read` on it.
 */
export const page = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const { tx, actor } = ctx;
    // Read once; every part checks the reader's rights on it as it would after reading it itself.
    const loaded = await loadCase(tx, input.caseId);
    const found = await caseOf(tx, actor, loaded);
    const seesUnits = heldAnywhere(actor, 'organisation.read');
    const [chain, consents, referrals, organisations, services, assignees, named] = await Promise.all([
      caseChainOf(tx, actor, loaded),
      caseConsentsOf(tx, actor, loaded),
      heldAnywhere(actor, 'referral.read')
        ? unlessForbidden(() => outgoingReferrals(tx, actor, ctx.tenantId, input), [])
        : [],
      seesUnits ? listOrganisations(tx, actor) : [],
      // Partner users cannot read the catalogue: they see category ids and no triage.
      seesUnits ? catalogueAt(tx, found.currentOrganisationId) : [],
      heldAnywhere(actor, 'case.manage')
        ? unlessForbidden<Awaited<ReturnType<typeof caseAssigneesOf>> | null>(
            () => caseAssigneesOf(tx, actor, loaded),
            null,
          )
        : null,
      timelineOrganisations(tx, found.timeline),
    ]);
    return {
      case: found,
      chain,
      consents,
      referrals,
      organisations: organisations.map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
        id,
        parentId,
        kind,
        nameZh,
        nameEn,
        closedAt,
      })),
      // The units the timeline mentions, named even outside the reader's units (not offered to choose).
      timelineOrganisations: named,
      // A knowledge service on here is no service to triage to: it lends its tools to the case instead.
      services: services
        .filter((service) => service.enabled && service.kind !== 'knowledge')
        .map(({ pluginId, name, categories }) => ({ pluginId, name, categories })),
      screens: caseServiceScreens(found.serviceType),
      tools: caseToolScreens(
        services.filter((service) => service.enabled && service.kind === 'knowledge').map((s) => s.pluginId),
      ),
      assignees,
    };
  });
