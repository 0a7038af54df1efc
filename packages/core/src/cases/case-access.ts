import { grantsAllow, type Permission } from '@linju/auth';
import { eq, schema, sql, type TenantTx } from '@linju/db';
import { type Actor, auditActor } from '../actor.ts';
import { type AuditInput, appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { applyCaseChangeToRollups } from './case-rollups.ts';

export type CaseRow = typeof schema.legalCase.$inferSelect;
export type LoadedCase = { row: CaseRow; organisationPath: string };

/**
 * Reads a case with the path of the organisation holding it. `forUpdate` locks the row: every
 * mutation takes it first, so timeline sequence numbers and status checks never race.
 */
export async function loadCase(tx: TenantTx, id: string, forUpdate = false): Promise<LoadedCase> {
  const query = tx
    .select({ row: schema.legalCase, organisationPath: schema.organisation.path })
    .from(schema.legalCase)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.legalCase.currentOrganisationId))
    .where(eq(schema.legalCase.id, id));
  const [found] = forUpdate ? await query.for('update', { of: schema.legalCase }) : await query;
  if (!found) throw new DomainError('not-found', 'case.not_found', { field: 'caseId' });
  return found;
}

/** First responder and assignee always reach their case, wherever it went; others by the tree. */
const personallyInvolved = (actor: Actor, row: CaseRow) =>
  actor.id !== null && (row.firstResponderId === actor.id || row.assigneeId === actor.id);

export const canOnCase = (actor: Actor, permission: Permission, c: LoadedCase) =>
  grantsAllow(actor.grants, permission, c.organisationPath) ||
  (permission !== 'case.manage' && personallyInvolved(actor, c.row));

/**
 * Refuses with not-found rather than forbidden when the actor may not even read the case, so
 * a station cannot probe another station's case ids.
 */
export function requireOnCase(actor: Actor, permission: Permission, c: LoadedCase): void {
  if (!canOnCase(actor, 'case.read', c))
    throw new DomainError('not-found', 'case.not_found', { field: 'caseId' });
  if (!canOnCase(actor, permission, c)) {
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission } });
  }
}

export type EventInput = {
  kind: schema.CaseEventKind;
  text?: string | null;
  data?: Record<string, unknown>;
  /** The audit action, e.g. `case.assigned`, or a plugin's own (see `pluginAuditWords`). */
  action: AuditInput['action'];
  before?: unknown;
  after?: unknown;
};

/**
 * Appends the timeline entry and the audit entry of a change, in the caller's transaction: the
 * change, its timeline entry and its audit entry commit together or not at all. The case row
 * must be locked (`loadCase(tx, id, true)`). The entry's data keeps the audit action
 * (`data.action`): the timeline names a step by it when the kind alone (a plugin's `note`) does not.
 */
export async function recordCaseEvent(tx: TenantTx, actor: Actor, row: CaseRow, event: EventInput) {
  const data = JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>;
  await insertCaseEvent(tx, {
    tenantId: row.tenantId,
    caseId: row.id,
    kind: event.kind,
    actorId: actor.id,
    actorName: actor.name,
    text: event.text ?? null,
    data: { ...data, action: event.action },
  });
  await applyCaseChangeToRollups(tx, row, event.kind);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: event.action,
    objectType: 'case',
    objectId: row.id,
    before: event.before,
    after: event.after ?? { number: row.number, ...data, ...(event.text ? { text: event.text } : {}) },
  });
}

/**
 * Inserts a timeline entry numbered after the case's last one, in one statement. The case row
 * must be locked by an earlier statement of the transaction: this one's snapshot, taken after
 * that lock, sees the entry the previous holder committed.
 */
export async function insertCaseEvent(
  tx: TenantTx,
  entry: Omit<typeof schema.caseEvent.$inferInsert, 'seq'>,
) {
  await tx.insert(schema.caseEvent).values({
    ...entry,
    seq: sql`(select coalesce(max(${schema.caseEvent.seq}), 0) + 1 from ${schema.caseEvent} where ${schema.caseEvent.caseId} = ${entry.caseId})`,
  });
}
