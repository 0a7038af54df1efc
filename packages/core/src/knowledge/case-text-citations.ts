import { and, asc, eq, isNotNull, schema, type TenantTx } from '@linju/db';
import type { CitationCheck } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { loadCase, requireOnCase } from '../cases/case-access.ts';
import { statuteLibrary } from '../plugins/statute-library.ts';

/** The citations of one timeline entry's text, by the entry's `seq`. */
export type EntryCitations = { seq: number; citations: CitationCheck[] };

/**
 * Every 《…》第N条 in the texts of a case's timeline (notes, reasons, summaries), checked against
 * the statute library: on request from the case page, not on every view. Entries citing nothing
 * are left out. Whoever may read the case may ask.
 */
export async function checkCaseTextCitations(
  tx: TenantTx,
  actor: Actor,
  input: { caseId: string },
): Promise<EntryCitations[]> {
  const c = await loadCase(tx, input.caseId);
  requireOnCase(actor, 'case.read', c);
  const entries = await tx
    .select({ seq: schema.caseEvent.seq, text: schema.caseEvent.text })
    .from(schema.caseEvent)
    .where(and(eq(schema.caseEvent.caseId, c.row.id), isNotNull(schema.caseEvent.text)))
    .orderBy(asc(schema.caseEvent.seq));
  const statutes = statuteLibrary(tx);
  const checked: EntryCitations[] = [];
  for (const entry of entries) {
    const citations = await statutes.checkCitations(entry.text ?? '');
    if (citations.length > 0) checked.push({ seq: entry.seq, citations: [...citations] });
  }
  return checked;
}
