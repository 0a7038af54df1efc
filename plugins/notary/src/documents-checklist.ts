import { type LocalizedText, type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS, type NotaryMatter } from './notary-matters.ts';

/** The documents of a case's checklist the desk has received (the whole set, replacing the last one). */
export const ZSetReceivedDocumentsRequest = z.object({
  caseId: z.uuid(),
  received: z.array(z.string().trim().min(1).max(60)).max(20),
});

export type ChecklistItem = { id: string; name: LocalizedText; optional: boolean; received: boolean };

/** A case's documents checklist: every document of its matter, ticked or not, and what is still missing. */
export type DocumentsChecklist = {
  matter: NotaryMatter;
  items: ChecklistItem[];
  /** Required (not optional) documents not yet received; the matter cannot go on without them. */
  missing: string[];
  complete: boolean;
};

/** Whether a case category or intake answer is one of the notarial matters. */
export const isNotaryMatter = (value: unknown): value is NotaryMatter =>
  typeof value === 'string' && (NOTARY_MATTERS as readonly string[]).includes(value);

/** The checklist of `matter` with the documents in `received` ticked. */
export function documentsChecklist(matter: NotaryMatter, received: readonly string[]): DocumentsChecklist {
  const items = NOTARY_MATTER_DETAILS[matter].requiredDocuments.map((d) => ({
    id: d.id,
    name: d.name,
    optional: d.optional === true,
    received: received.includes(d.id),
  }));
  const missing = items.filter((i) => !i.optional && !i.received).map((i) => i.id);
  return { matter, items, missing, complete: missing.length === 0 };
}

/** The ids of the documents received for a case. */
export async function receivedDocuments(db: PluginDb, caseId: string): Promise<string[]> {
  const rows = await db.query<{ document_id: string }>(
    sql`select document_id from notary_document_received where case_id = ${caseId} order by document_id`,
  );
  return rows.map((r) => r.document_id);
}

/**
 * Records which documents of the matter's checklist have been received. A document of another
 * matter is refused, so a tick can never stand for something the office did not ask for.
 */
export async function setReceivedDocuments(
  db: PluginDb,
  matter: NotaryMatter,
  request: z.input<typeof ZSetReceivedDocumentsRequest>,
  receivedBy: string,
): Promise<DocumentsChecklist> {
  const { caseId, received } = ZSetReceivedDocumentsRequest.parse(request);
  const known = NOTARY_MATTER_DETAILS[matter].requiredDocuments.map((d) => d.id);
  const unknown = received.find((id) => !known.includes(id));
  if (unknown !== undefined) {
    throw new PluginRuleError('bad-request', 'notary.document_not_on_checklist', { field: 'received' });
  }
  const wanted = [...new Set(received)];
  await db.query(sql`
    delete from notary_document_received where case_id = ${caseId}
      and not (document_id = any(${wanted}::text[]))`);
  for (const id of wanted) {
    await db.query(sql`
      insert into notary_document_received (tenant_id, case_id, document_id, received_by)
      values (${db.tenantId}, ${caseId}, ${id}, ${receivedBy})
      on conflict (tenant_id, case_id, document_id) do nothing`);
  }
  return documentsChecklist(matter, wanted);
}
