import { eq, inArray, or, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { canOnCase, type LoadedCase, loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';

export const ZLinkRequest = z.object({
  fromCaseId: z.uuid(),
  toCaseId: z.uuid(),
  kind: z.enum(schema.CASE_LINK_KINDS),
  note: z.string().trim().max(500).nullish(),
});

/**
 * Links two cases into a chain (链条式): mediation → judicial confirmation, failed mediation →
 * lawyer, evidence → appraisal, cannot pay → legal aid. Both cases get a timeline entry.
 */
export async function linkCases(tx: TenantTx, actor: Actor, request: z.input<typeof ZLinkRequest>) {
  const input = ZLinkRequest.parse(request);
  if (input.fromCaseId === input.toCaseId) {
    throw new DomainError('bad-request', 'case.link_to_itself', { field: 'toCaseId' });
  }
  // Lock in id order so two links between the same cases cannot deadlock.
  const [firstId, secondId] = [input.fromCaseId, input.toCaseId].sort() as [string, string];
  const first = await loadCase(tx, firstId, true);
  const second = await loadCase(tx, secondId, true);
  const from = first.row.id === input.fromCaseId ? first : second;
  const to = from === first ? second : first;
  requireOnCase(actor, 'case.manage', from);
  requireOnCase(actor, 'case.read', to);
  const inserted = await tx
    .insert(schema.caseLink)
    .values({
      tenantId: actor.tenantId,
      fromCaseId: from.row.id,
      toCaseId: to.row.id,
      kind: input.kind,
      note: input.note ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new DomainError('conflict', 'case.already_linked', { field: 'toCaseId' });
  const data = {
    fromCaseId: from.row.id,
    toCaseId: to.row.id,
    kind: input.kind,
    from: from.row.number,
    to: to.row.number,
  };
  await recordCaseEvent(tx, actor, from.row, {
    kind: 'linked',
    action: 'case.linked',
    text: input.note ?? null,
    data,
  });
  await recordCaseEvent(tx, actor, to.row, {
    kind: 'linked',
    action: 'case.linked',
    text: input.note ?? null,
    data,
  });
  return data;
}

/**
 * The whole chain a case belongs to, seen from any of its links: every case connected to it and
 * every link. Cases the actor may not read appear by number, service and status only.
 */
export async function getCaseChain(tx: TenantTx, actor: Actor, input: { caseId: string }) {
  return caseChainOf(tx, actor, await loadCase(tx, input.caseId));
}

/** `getCaseChain` for a case already loaded (the case page reads it once for all its parts). */
export async function caseChainOf(tx: TenantTx, actor: Actor, start: LoadedCase) {
  requireOnCase(actor, 'case.read', start);
  const component = await tx.execute<{ id: string }>(sql`
    with recursive chain(id) as (
      select ${start.row.id}::uuid
      union
      select case when l.from_case_id = chain.id then l.to_case_id else l.from_case_id end
      from case_link l join chain on l.from_case_id = chain.id or l.to_case_id = chain.id
    )
    select id from chain limit 500`);
  const ids = component.map((r) => r.id);
  // Most cases are linked to none: the chain is the case itself, with nothing more to read.
  const [links, cases] =
    ids.length === 1
      ? [[], [start]]
      : await Promise.all([
          tx
            .select()
            .from(schema.caseLink)
            .where(or(inArray(schema.caseLink.fromCaseId, ids), inArray(schema.caseLink.toCaseId, ids))),
          tx
            .select({ row: schema.legalCase, organisationPath: schema.organisation.path })
            .from(schema.legalCase)
            .innerJoin(
              schema.organisation,
              eq(schema.organisation.id, schema.legalCase.currentOrganisationId),
            )
            .where(inArray(schema.legalCase.id, ids)),
        ]);
  return {
    cases: cases
      .sort((a, b) => a.row.receivedAt.getTime() - b.row.receivedAt.getTime())
      .map((c) => {
        const base = {
          id: c.row.id,
          number: c.row.number,
          serviceType: c.row.serviceType,
          status: c.row.status,
        };
        return canOnCase(actor, 'case.read', c)
          ? {
              ...base,
              restricted: false,
              currentOrganisationId: c.row.currentOrganisationId,
              receivedAt: c.row.receivedAt,
            }
          : { ...base, restricted: true };
      }),
    links: links.map((l) => ({ fromCaseId: l.fromCaseId, toCaseId: l.toCaseId, kind: l.kind, note: l.note })),
  };
}
