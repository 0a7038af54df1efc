import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, desc, eq, schema, type TenantTx } from '@linju/db';
import { boundedDay } from '@linju/plugin-sdk';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { localDate } from '../calendar/working-days.ts';
import { storeCheckedDocument, ZDocumentUpload } from '../documents/checked-document.ts';
import { type DocumentStore, type OpenedDocument, readWholeDocument } from '../documents/document-store.ts';
import { DomainError } from '../errors.ts';
import { getStaffMember } from '../staff/staff-service.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';

export type ProviderRecordRow = typeof schema.providerRecord.$inferSelect;

const ZDay = z.iso.date({ message: 'validation.date_invalid' });
/** Something that happened: not ahead of today, and not before records were kept (1900 is a typo). */
const ZPastDay = boundedDay({ back: 3653, ahead: 0 });

export const ZEvidenceFile = ZDocumentUpload;

export const ZRecordProviderRequest = z
  .object({
    providerKind: z.enum(schema.PROVIDER_KINDS),
    kind: z.enum(schema.PROVIDER_RECORD_KINDS),
    /** The lawyer's or mediator's account; assignment checks records by it. */
    staffMemberId: z.uuid().nullish(),
    /** Required without an account (and always for a firm). */
    providerName: z.string().trim().max(100).nullish(),
    firmName: z.string().trim().max(100).nullish(),
    description: z.string().trim().min(4, { message: 'provider.description_required' }).max(4000),
    occurredOn: ZPastDay,
    evidenceReference: z.string().trim().min(2, { message: 'provider.evidence_required' }).max(200),
    evidenceFile: ZEvidenceFile.nullish(),
    expiresOn: ZDay.nullish(),
  })
  .refine((r) => !r.expiresOn || r.expiresOn >= r.occurredOn, {
    message: 'provider.expiry_before_occurrence',
    path: ['expiresOn'],
  })
  .refine((r) => r.providerKind !== 'firm' || !r.staffMemberId, {
    message: 'provider.firm_has_no_account',
    path: ['staffMemberId'],
  });

export const ZFileAppealRequest = z.object({
  id: z.uuid(),
  filedOn: ZPastDay,
  grounds: z.string().trim().min(4, { message: 'provider.appeal_grounds_required' }).max(4000),
});

export const ZDecideAppealRequest = z.object({
  id: z.uuid(),
  outcome: z.enum(schema.APPEAL_OUTCOMES),
  decidedOn: ZPastDay,
  decision: z.string().trim().min(2, { message: 'validation.required' }).max(4000),
});

/** Today in the district's time zone: records expire at the end of their last local day. */
export async function districtToday(tx: TenantTx, tenantId: string, now = new Date()) {
  return localDate(now, await tenantTimeZone(tx, tenantId));
}

/** Active: not lifted on appeal and not past its last day. A pending or upheld appeal changes nothing. */
export const isRecordActive = (
  record: Pick<ProviderRecordRow, 'appealOutcome' | 'expiresOn'>,
  today: string,
): boolean => record.appealOutcome !== 'lifted' && (record.expiresOn === null || record.expiresOn >= today);

/** What the record is now, for lists: active, expired, lifted on appeal. */
export function recordState(record: ProviderRecordRow, today: string) {
  if (record.appealOutcome === 'lifted') return 'lifted' as const;
  if (record.expiresOn !== null && record.expiresOn < today) return 'expired' as const;
  return 'active' as const;
}

/** A record without the storage key (internal), with its state as of `today`. */
const publicRecord = (record: ProviderRecordRow, today: string) => {
  const { evidenceStorageKey: _, ...rest } = record;
  return { ...rest, state: recordState(record, today) };
};
export type ProviderRecord = ReturnType<typeof publicRecord>;

/** Reading records: whoever assigns work or supervises, anywhere in the district (the list is district-wide). */
function requireProviderRead(actor: Actor) {
  if (scopesFor(actor.grants, 'provider.read').length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'provider.read' } });
}

async function storeEvidence(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  file: z.output<typeof ZEvidenceFile>,
): Promise<Partial<ProviderRecordRow>> {
  const { key: storageKey, sha256 } = await storeCheckedDocument(files, tx, actor.tenantId, file, {
    content: 'evidenceFile',
    type: 'evidenceFile',
  });
  return {
    evidenceFileName: file.fileName,
    evidenceContentType: file.contentType,
    evidenceSha256: sha256,
    evidenceStorageKey: storageKey,
  };
}

/**
 * 不良执业记录 / 负面清单: records misconduct of a lawyer, mediator or firm, with its evidence (a
 * reference, and a document if uploaded). Recorded by the bureau (a grant on the centre).
 */
export async function recordProviderMisconduct(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  request: z.input<typeof ZRecordProviderRequest>,
) {
  const input = ZRecordProviderRequest.parse(request);
  requireTenantWide(actor, 'provider.manage');
  const person = input.staffMemberId ? await getStaffMember(tx, input.staffMemberId) : null;
  const providerName = input.providerName || person?.displayName;
  if (!providerName)
    throw new DomainError('bad-request', 'provider.name_required', { field: 'providerName' });
  const evidence = input.evidenceFile ? await storeEvidence(tx, actor, files, input.evidenceFile) : {};
  const [created] = await tx
    .insert(schema.providerRecord)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      providerKind: input.providerKind,
      staffMemberId: person?.id ?? null,
      providerName,
      firmName: input.firmName || null,
      kind: input.kind,
      description: input.description,
      occurredOn: input.occurredOn,
      evidenceReference: input.evidenceReference,
      ...evidence,
      expiresOn: input.expiresOn ?? null,
      recordedBy: actor.id,
      recordedByName: actor.name,
    })
    .returning();
  if (!created) throw new Error('provider record insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.kind === 'negative-list' ? 'provider.negative_listed' : 'provider.misconduct_recorded',
    objectType: 'provider-record',
    objectId: created.id,
    after: publicRecord(created, created.occurredOn),
  });
  return publicRecord(created, await districtToday(tx, actor.tenantId));
}

async function loadRecord(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(schema.providerRecord).where(eq(schema.providerRecord.id, id));
  if (!row) throw new DomainError('not-found', 'provider.record_not_found', { field: 'id' });
  return row;
}

/** The provider appeals (申诉): recorded on the record; the record stays active until decided. */
export async function fileProviderAppeal(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZFileAppealRequest>,
) {
  const input = ZFileAppealRequest.parse(request);
  requireTenantWide(actor, 'provider.manage');
  const before = await loadRecord(tx, input.id);
  if (before.appealFiledOn)
    throw new DomainError('conflict', 'provider.appeal_already_filed', { field: 'id' });
  if (input.filedOn < before.occurredOn)
    throw new DomainError('bad-request', 'provider.appeal_before_occurrence', { field: 'filedOn' });
  const [after] = await tx
    .update(schema.providerRecord)
    .set({ appealFiledOn: input.filedOn, appealGrounds: input.grounds })
    .where(eq(schema.providerRecord.id, before.id))
    .returning();
  if (!after) throw new Error('provider record update returned no row');
  const today = await districtToday(tx, actor.tenantId);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'provider.appeal_filed',
    objectType: 'provider-record',
    objectId: before.id,
    before: publicRecord(before, today),
    after: publicRecord(after, today),
  });
  return publicRecord(after, today);
}

/** Decides a filed appeal once: upheld leaves the record standing, lifted ends it at once. */
export async function decideProviderAppeal(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZDecideAppealRequest>,
) {
  const input = ZDecideAppealRequest.parse(request);
  requireTenantWide(actor, 'provider.manage');
  const before = await loadRecord(tx, input.id);
  if (!before.appealFiledOn) throw new DomainError('conflict', 'provider.no_appeal', { field: 'id' });
  if (before.appealOutcome)
    throw new DomainError('conflict', 'provider.appeal_already_decided', { field: 'id' });
  if (input.decidedOn < before.appealFiledOn)
    throw new DomainError('bad-request', 'provider.decision_before_appeal', { field: 'decidedOn' });
  const [after] = await tx
    .update(schema.providerRecord)
    .set({
      appealOutcome: input.outcome,
      appealDecidedOn: input.decidedOn,
      appealDecision: input.decision,
      appealDecidedByName: actor.name,
    })
    .where(eq(schema.providerRecord.id, before.id))
    .returning();
  if (!after) throw new Error('provider record update returned no row');
  const today = await districtToday(tx, actor.tenantId);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.outcome === 'lifted' ? 'provider.appeal_lifted' : 'provider.appeal_upheld',
    objectType: 'provider-record',
    objectId: before.id,
    before: publicRecord(before, today),
    after: publicRecord(after, today),
  });
  return publicRecord(after, today);
}

export const ZListProviderRecordsRequest = z.object({
  state: z.enum(['active', 'all']).default('all'),
  kind: z.enum(schema.PROVIDER_RECORD_KINDS).nullish(),
  staffMemberId: z.uuid().nullish(),
});

/** The district's provider records, newest first (a district has dozens to hundreds, not more). */
export async function listProviderRecords(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZListProviderRecordsRequest>,
) {
  const input = ZListProviderRecordsRequest.parse(request);
  requireProviderRead(actor);
  const today = await districtToday(tx, actor.tenantId);
  const rows = await tx
    .select()
    .from(schema.providerRecord)
    .where(
      and(
        input.kind ? eq(schema.providerRecord.kind, input.kind) : undefined,
        input.staffMemberId ? eq(schema.providerRecord.staffMemberId, input.staffMemberId) : undefined,
      ),
    )
    .orderBy(desc(schema.providerRecord.recordedAt), desc(schema.providerRecord.id))
    .limit(500);
  return rows
    .map((row) => publicRecord(row, today))
    .filter((row) => input.state === 'all' || row.state === 'active');
}

export async function getProviderRecord(tx: TenantTx, actor: Actor, input: { id: string }) {
  requireProviderRead(actor);
  const row = await loadRecord(tx, z.uuid().parse(input.id));
  return publicRecord(row, await districtToday(tx, actor.tenantId));
}

/** The evidence document, to download (its bytes streamed by the caller); each download is audited, as case documents are. */
export async function openProviderEvidence(
  tx: TenantTx,
  actor: Actor,
  input: { id: string },
): Promise<OpenedDocument> {
  requireProviderRead(actor);
  const row = await loadRecord(tx, z.uuid().parse(input.id));
  if (!row.evidenceStorageKey || !row.evidenceFileName || !row.evidenceContentType)
    throw new DomainError('not-found', 'provider.no_evidence_file', { field: 'id' });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'provider.evidence_read',
    objectType: 'provider-record',
    objectId: row.id,
  });
  return {
    fileName: row.evidenceFileName,
    contentType: row.evidenceContentType,
    sizeBytes: null,
    storageKey: row.evidenceStorageKey,
  };
}

/** The evidence document's bytes (base64, for API clients); each download is audited. */
export async function readProviderEvidence(
  tx: TenantTx,
  actor: Actor,
  files: DocumentStore,
  input: { id: string },
) {
  const { fileName, contentType, storageKey } = await openProviderEvidence(tx, actor, input);
  const bytes = await readWholeDocument(files, storageKey, { tx });
  return { fileName, contentType, contentBase64: bytes.toString('base64') };
}

/** The active records of a provider with an account: what assignment warns about or refuses. */
export async function activeProviderRecords(tx: TenantTx, tenantId: string, staffMemberId: string) {
  const today = await districtToday(tx, tenantId);
  const rows = await tx
    .select()
    .from(schema.providerRecord)
    .where(eq(schema.providerRecord.staffMemberId, staffMemberId))
    .orderBy(desc(schema.providerRecord.recordedAt));
  return rows.filter((row) => isRecordActive(row, today)).map((row) => publicRecord(row, today));
}
