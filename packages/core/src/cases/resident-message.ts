import type { SecretBox } from '@linju/auth';
import { and, asc, eq, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import { textHandlerMessageNotice } from './case-messages.ts';

const ACTION = 'case.message_to_resident';

export const ZResidentMessageRequest = z.object({
  caseId: z.uuid(),
  text: z.string().trim().min(1, { message: 'validation.required' }).max(1000),
});

/**
 * 给群众留言: the handler writes to the resident; it is kept on the case's timeline (a note marked
 * as to the resident), audited, shown on the resident's follow page, and announced by SMS.
 */
export async function messageResident(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZResidentMessageRequest>,
) {
  const input = ZResidentMessageRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  await recordCaseEvent(tx, actor, c.row, { kind: 'note', action: ACTION, text: input.text });
  const notice = await textHandlerMessageNotice(tx, actor, box, c.row);
  return { texted: Boolean(notice) };
}

/** The handler's messages to the resident on a case, oldest first: when, and what (never who). */
export function residentMessagesOf(tx: TenantTx, caseId: string) {
  const e = schema.caseEvent;
  return tx
    .select({ at: e.at, text: e.text })
    .from(e)
    .where(and(eq(e.caseId, caseId), eq(e.kind, 'note'), sql`${e.data}->>'action' = ${ACTION}`))
    .orderBy(asc(e.seq));
}
