import { randomUUID } from 'node:crypto';
import { grantsAllow, type SecretBox } from '@linju/auth';
import { and, asc, type Database, desc, eq, schema, sql, type TenantTx, withTenant } from '@linju/db';
import type { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { type DocumentStore, documentKey, readWholeDocument } from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { grantsOf, roleGrantsOf } from '../staff/staff-service.ts';
import { readTableFile } from '../tabular-import/table-file.ts';
import { flushRollupBatch, startRollupBatch } from './case-rollups.ts';
import {
  type HotlineSheet,
  importHotlineRows,
  readHotlineSheet,
  ZHotlineImportRequest,
} from './hotline-import.ts';

/**
 * Rows per transaction: each batch holds its rows' locks only for its own intakes, so other work
 * of the district goes on between batches, and a failure costs one batch.
 */
export const HOTLINE_IMPORT_BATCH_ROWS = 200;

/** The rows not imported that a job's page lists (the counts are always whole). */
const LISTED_ROWS = 500;

type ImportRow = typeof schema.hotlineImport.$inferSelect;

/**
 * Queues the import of a 12345 export (CSV in UTF-8 or GB18030, or .xlsx): the file is read and
 * checked as a whole now, so a file that is no 12345 export is refused on the form; its bytes go
 * to the file store and the rows are imported in the background (`runHotlineImport`).
 */
export async function requestHotlineImport(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  request: z.input<typeof ZHotlineImportRequest>,
) {
  const input = ZHotlineImportRequest.parse(request);
  const org = await getOrganisation(tx, input.organisationId);
  requirePermission(actor, 'case.manage', org.path);
  if (!actor.id) throw new Error('a 12345 import is made by a staff member, its first responder');
  const bytes = Buffer.from(input.fileBase64, 'base64');
  const sheet = readHotlineSheet(await readTableFile(bytes, 'fileBase64'), 'fileBase64');
  const { sha256 } = await files.put(actor.tenantId, bytes, { tx });
  const id = randomUUID();
  await tx.insert(schema.hotlineImport).values({
    tenantId: actor.tenantId,
    id,
    organisationId: org.id,
    requestedBy: actor.id,
    sha256,
    rows: sheet.rows.length,
  });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'case.hotline_import_requested',
    objectType: 'hotline_import',
    objectId: id,
    after: { organisationId: org.id, rows: sheet.rows.length },
  });
  return { id, status: 'queued' as const, rows: sheet.rows.length };
}

const listed = {
  id: schema.hotlineImport.id,
  organisationId: schema.hotlineImport.organisationId,
  status: schema.hotlineImport.status,
  progress: schema.hotlineImport.progress,
  rows: schema.hotlineImport.rows,
  rowsDone: schema.hotlineImport.rowsDone,
  imported: schema.hotlineImport.imported,
  alreadyImported: schema.hotlineImport.alreadyImported,
  errors: schema.hotlineImport.errors,
  error: schema.hotlineImport.error,
  requestedAt: schema.hotlineImport.requestedAt,
  finishedAt: schema.hotlineImport.finishedAt,
};

/** One's own imports; having made one is no right to it: one must still manage cases there. */
const madeBy = (actor: Actor) =>
  actor.id === null ? sql`false` : eq(schema.hotlineImport.requestedBy, actor.id);
const stillManages = (actor: Actor, organisationPath: string) =>
  grantsAllow(actor.grants, 'case.manage', organisationPath);

/** One's latest imports with their progress, newest first. */
export async function listHotlineImports(tx: TenantTx, actor: Actor) {
  const rows = await tx
    .select({ ...listed, organisationPath: schema.organisation.path })
    .from(schema.hotlineImport)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.hotlineImport.organisationId))
    .where(madeBy(actor))
    .orderBy(desc(schema.hotlineImport.requestedAt))
    .limit(20);
  return rows
    .filter((r) => stillManages(actor, r.organisationPath))
    .map(({ organisationPath: _, ...job }) => job);
}

/** One import with its progress and the rows it did not import (row number, order, field, reason). */
export async function getHotlineImport(tx: TenantTx, actor: Actor, input: { id: string }) {
  const [found] = await tx
    .select({ ...listed, organisationPath: schema.organisation.path })
    .from(schema.hotlineImport)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.hotlineImport.organisationId))
    .where(and(eq(schema.hotlineImport.id, input.id), madeBy(actor)));
  if (!found || !stillManages(actor, found.organisationPath))
    throw new DomainError('not-found', 'import.not_found', { field: 'id' });
  const { organisationPath: _, ...job } = found;
  const rows = await tx
    .select({
      row: schema.hotlineImportRow.row,
      outcome: schema.hotlineImportRow.outcome,
      orderNumber: schema.hotlineImportRow.orderNumber,
      field: schema.hotlineImportRow.field,
      key: schema.hotlineImportRow.key,
    })
    .from(schema.hotlineImportRow)
    .where(eq(schema.hotlineImportRow.importId, job.id))
    .orderBy(asc(schema.hotlineImportRow.row))
    .limit(LISTED_ROWS);
  return {
    ...job,
    rowErrors: rows
      .filter((r) => r.outcome === 'error')
      .map((r) => ({ row: r.row, orderNumber: r.orderNumber, field: r.field ?? '', key: r.key ?? '' })),
    alreadyImportedRows: rows
      .filter((r) => r.outcome === 'already-imported')
      .map((r) => ({ row: r.row, orderNumber: r.orderNumber ?? '' })),
  };
}

/** The import's row is not visible (yet): its request has not committed, or rolled back. */
export class HotlineImportNotVisibleError extends Error {
  readonly importId: string;
  constructor(importId: string) {
    super(`hotline import ${importId} is not visible (its request has not committed)`);
    this.name = 'HotlineImportNotVisibleError';
    this.importId = importId;
  }
}

export type HotlineImportDeps = {
  box: SecretBox;
  files: DocumentStore;
  /** Told after each committed batch (the worker heartbeats with it). */
  onBatch?: (progress: { rowsDone: number; rows: number }) => void;
  batchRows?: number;
};

/** The importer as they are now: their rights of now decide every batch, as a request would. */
async function importerOf(tx: TenantTx, job: ImportRow): Promise<Actor> {
  const [staff] = await tx
    .select({ name: schema.staffMember.displayName, disabledAt: schema.staffMember.disabledAt })
    .from(schema.staffMember)
    .where(eq(schema.staffMember.id, job.requestedBy));
  if (!staff || staff.disabledAt) throw new DomainError('forbidden', 'auth.forbidden');
  return {
    id: job.requestedBy,
    name: staff.name,
    tenantId: job.tenantId,
    grants: grantsOf(await roleGrantsOf(tx, job.requestedBy)),
  };
}

/** The next batch, in one transaction with its intakes, their audit entries and the job's counts. */
async function importNextBatch(
  db: Database,
  tenantId: string,
  id: string,
  sheet: HotlineSheet,
  deps: HotlineImportDeps,
) {
  return withTenant(db, tenantId, async (tx) => {
    // Locked: a second runner of the same job waits here and then sees the batch done.
    const [job] = await tx
      .select()
      .from(schema.hotlineImport)
      .where(eq(schema.hotlineImport.id, id))
      .for('update');
    if (job?.status !== 'running')
      return { finished: true, rowsDone: job?.rowsDone ?? 0, rows: sheet.rows.length };
    const actor = await importerOf(tx, job);
    const org = await getOrganisation(tx, job.organisationId);
    const rows = sheet.rows.slice(job.rowsDone, job.rowsDone + (deps.batchRows ?? HOTLINE_IMPORT_BATCH_ROWS));
    startRollupBatch(tx);
    const report = await importHotlineRows(tx, actor, deps.box, org, sheet, rows);
    await flushRollupBatch(tx, tenantId);
    const notImported = [
      ...report.errors.map((e) => ({ ...e, outcome: 'error' as const })),
      ...report.alreadyImported.map((a) => ({ ...a, outcome: 'already-imported' as const })),
    ];
    if (notImported.length > 0)
      await tx
        .insert(schema.hotlineImportRow)
        .values(notImported.map((r) => ({ tenantId, importId: id, ...r })));
    const rowsDone = job.rowsDone + rows.length;
    const finished = rowsDone >= sheet.rows.length;
    const counts = {
      imported: job.imported + report.imported,
      alreadyImported: job.alreadyImported + report.alreadyImported.length,
      errors: job.errors + report.errors.length,
    };
    await tx
      .update(schema.hotlineImport)
      .set({
        rowsDone,
        ...counts,
        progress: sheet.rows.length === 0 ? 100 : Math.floor((rowsDone * 100) / sheet.rows.length),
        ...(finished ? { status: 'done' as const, finishedAt: new Date() } : {}),
      })
      .where(eq(schema.hotlineImport.id, id));
    if (finished) {
      await appendAudit(tx, {
        ...auditActor(actor),
        action: 'case.hotline_imported',
        objectType: 'hotline_import',
        objectId: id,
        after: { organisationId: org.id, rows: sheet.rows.length, ...counts },
      });
    }
    return { finished, rowsDone, rows: sheet.rows.length };
  });
}

async function failImport(db: Database, tenantId: string, id: string, key: string) {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(schema.hotlineImport)
      .set({ status: 'failed', error: key, finishedAt: new Date() })
      .where(eq(schema.hotlineImport.id, id)),
  );
}

/**
 * Imports a queued import's rows, batch by batch, each batch in its own transaction with its
 * intakes, their audit entries and the job's counts and progress; the last one audits the whole.
 * Claims the job (queued → running; with `takeOver`, also one left running by an attempt that
 * died, which only its own workflow may do) and resumes from the last committed batch, so a retry
 * imports nothing twice. A refusal (the importer no longer manages cases there) fails the job with
 * its message key. Throws `HotlineImportNotVisibleError` while the request has not committed.
 */
export async function runHotlineImport(
  db: Database,
  tenantId: string,
  id: string,
  deps: HotlineImportDeps,
  options: { takeOver?: boolean } = {},
): Promise<'done' | 'failed' | 'skipped'> {
  const claimed = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(schema.hotlineImport)
      .where(eq(schema.hotlineImport.id, id))
      .for('update', { skipLocked: true });
    if (!row) return null;
    const claimable = row.status === 'queued' || (options.takeOver === true && row.status === 'running');
    if (!claimable) return 'skipped' as const;
    await tx.update(schema.hotlineImport).set({ status: 'running' }).where(eq(schema.hotlineImport.id, id));
    return row;
  });
  if (claimed === null) throw new HotlineImportNotVisibleError(id);
  if (claimed === 'skipped') return 'skipped';
  try {
    const bytes = await readWholeDocument(deps.files, documentKey(tenantId, claimed.sha256));
    const sheet = readHotlineSheet(await readTableFile(bytes, 'file'), 'file');
    for (;;) {
      const step = await importNextBatch(db, tenantId, id, sheet, deps);
      deps.onBatch?.({ rowsDone: step.rowsDone, rows: step.rows });
      if (step.finished) return 'done';
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await failImport(db, tenantId, id, error.message);
    return 'failed';
  }
}

/**
 * Imports a tenant's queued imports in this process, one at a time (when no workflow engine is
 * configured, and in tests). Returns the ids it finished.
 */
export async function runQueuedHotlineImports(
  db: Database,
  tenantId: string,
  deps: HotlineImportDeps,
): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    // `skip locked`: two runners share the queue without taking the same import.
    const next = await withTenant(db, tenantId, async (tx) => {
      const [row] = await tx
        .select({ id: schema.hotlineImport.id })
        .from(schema.hotlineImport)
        .where(eq(schema.hotlineImport.status, 'queued'))
        .orderBy(schema.hotlineImport.requestedAt)
        .limit(1)
        .for('update', { skipLocked: true });
      return row?.id ?? null;
    });
    if (!next) return done;
    const outcome = await runHotlineImport(db, tenantId, next, deps).catch((error: unknown) => {
      if (error instanceof HotlineImportNotVisibleError) return 'skipped' as const;
      throw error;
    });
    if (outcome === 'done') done.push(next);
    if (outcome === 'skipped') return done;
  }
}
