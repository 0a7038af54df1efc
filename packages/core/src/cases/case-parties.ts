import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, eq, schema, sealedColumns, type TenantTx } from '@linju/db';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { maskAddress, maskIdNumber, maskPhone, seal } from '../personal-data/personal-data.ts';
import { type CaseRow, loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import {
  type PartyRequest,
  ZAddPartyRequest,
  ZRemovePartyRequest,
  ZUpdatePartyRequest,
} from './case-schemas.ts';

type PartyRow = typeof schema.caseParty.$inferSelect;

/** A party as the case page shows it: personal data masked, never decrypted for a page. */
export const publicParty = (p: PartyRow) => ({
  id: p.id,
  role: p.role,
  kind: p.kind,
  name: p.name,
  idNumberMasked: p.idNumberMasked,
  creditCode: p.creditCode,
  phoneMasked: p.phoneMasked,
  addressMasked: p.addressMasked,
});
export type PublicParty = ReturnType<typeof publicParty>;

/**
 * The conflict check's notion of "the same party": a person's ID number (its blind index, the
 * same as a resident's), an organisation's credit code, else the name without spaces.
 */
const identityKey = (name: string, idNumberIndex: string | null, creditCode: string | null) =>
  idNumberIndex ?? (creditCode ? `code:${creditCode}` : `name:${name.replace(/\s+/g, '')}`);

/** The sealed columns of the values given (a value left out is not touched). */
function sealedParticulars(
  box: SecretBox,
  tenantId: string,
  p: Pick<PartyRequest, 'idNumber' | 'phone' | 'address'>,
) {
  const idNumber = p.idNumber ? seal(box, p.idNumber, tenantId, sealedColumns.casePartyIdNumber) : null;
  return {
    ...(idNumber
      ? { idNumberEncrypted: idNumber.encrypted, idNumberMasked: maskIdNumber(p.idNumber ?? '') }
      : {}),
    ...(p.phone
      ? {
          phoneEncrypted: box.encrypt(p.phone, tenantId, sealedColumns.casePartyPhone),
          phoneMasked: maskPhone(p.phone),
        }
      : {}),
    ...(p.address
      ? {
          addressEncrypted: box.encrypt(p.address, tenantId, sealedColumns.casePartyAddress),
          addressMasked: maskAddress(p.address),
        }
      : {}),
    idNumberIndex: idNumber?.index ?? null,
  };
}

/** The row of a new party of case `caseId` (intake and the case page both record them so). */
export function partyValues(box: SecretBox, tenantId: string, caseId: string, p: PartyRequest) {
  const { idNumberIndex, ...sealed } = sealedParticulars(box, tenantId, p);
  const creditCode = p.kind === 'organisation' ? (p.creditCode ?? null) : null;
  return {
    tenantId,
    id: randomUUID(),
    caseId,
    role: p.role,
    kind: p.kind,
    name: p.name,
    creditCode,
    ...sealed,
    identityKey: identityKey(p.name, idNumberIndex, creditCode),
  } satisfies typeof schema.caseParty.$inferInsert;
}

/** What a party change says on the timeline and in the audit log: masked, as the page shows it. */
const partyEventData = (p: PartyRow) => ({
  partyId: p.id,
  role: p.role,
  kind: p.kind,
  name: p.name,
  idNumberMasked: p.idNumberMasked,
  creditCode: p.creditCode,
});

/** A finished case's parties are its record: closed, withdrawn or rejected refuses changes. */
const ENDED: readonly string[] = ['closed', 'withdrawn', 'rejected'];
function requirePartiesOpen(row: CaseRow) {
  if (ENDED.includes(row.status)) {
    throw new DomainError('conflict', 'case.parties_closed', {
      field: 'caseId',
      params: { status: row.status },
    });
  }
}

async function partyOfCase(tx: TenantTx, caseId: string, partyId: string) {
  const [row] = await tx
    .select()
    .from(schema.caseParty)
    .where(and(eq(schema.caseParty.caseId, caseId), eq(schema.caseParty.id, partyId)));
  if (!row) throw new DomainError('not-found', 'case.party_not_found', { field: 'partyId' });
  return row;
}

/** Records a party (above all an adverse one, for the conflict check). */
export async function addCaseParty(tx: TenantTx, actor: Actor, box: SecretBox, request: unknown) {
  const input = ZAddPartyRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  requirePartiesOpen(c.row);
  const [row] = await tx
    .insert(schema.caseParty)
    .values(partyValues(box, actor.tenantId, c.row.id, input))
    .returning();
  if (!row) throw new Error('party insert returned no row');
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'party',
    action: 'case.party_added',
    data: partyEventData(row),
  });
  return publicParty(row);
}

/**
 * Corrects a party: role, kind, name and credit code as given; ID number, phone and address
 * replaced when given, kept when left out (the form shows them masked). Becoming an organisation
 * drops a person's ID number, becoming a person the credit code.
 */
export async function updateCaseParty(tx: TenantTx, actor: Actor, box: SecretBox, request: unknown) {
  const input = ZUpdatePartyRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  requirePartiesOpen(c.row);
  const before = await partyOfCase(tx, c.row.id, input.partyId);
  const { idNumberIndex, ...sealed } = sealedParticulars(box, actor.tenantId, input);
  const person = input.kind === 'person';
  const creditCode = person ? null : (input.creditCode ?? null);
  // A kept ID number's index is the key the row has: a party with an ID number is known by it.
  const keptIndex = person && before.idNumberEncrypted ? before.identityKey : null;
  const [row] = await tx
    .update(schema.caseParty)
    .set({
      role: input.role,
      kind: input.kind,
      name: input.name,
      creditCode,
      ...(person ? {} : { idNumberEncrypted: null, idNumberMasked: null }),
      ...sealed,
      identityKey: identityKey(input.name, idNumberIndex ?? keptIndex, creditCode),
      updatedAt: new Date(),
    })
    .where(and(eq(schema.caseParty.caseId, c.row.id), eq(schema.caseParty.id, before.id)))
    .returning();
  if (!row) throw new Error('party update returned no row');
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'party',
    action: 'case.party_updated',
    data: { ...partyEventData(row), changed: changedFields(before, row) },
    before: partyEventData(before),
  });
  return publicParty(row);
}

/** The party's fields a correction changed, by name (sealed ones by their sealed value). */
function changedFields(before: PartyRow, after: PartyRow) {
  const fields = {
    role: 'role',
    kind: 'kind',
    name: 'name',
    creditCode: 'creditCode',
    idNumberEncrypted: 'idNumber',
    phoneEncrypted: 'phone',
    addressEncrypted: 'address',
  } as const;
  return Object.entries(fields)
    .filter(([column]) => before[column as keyof typeof fields] !== after[column as keyof typeof fields])
    .map(([, name]) => name);
}

/** Takes a party off the case (recorded by mistake); the timeline keeps who it was, masked. */
export async function removeCaseParty(tx: TenantTx, actor: Actor, request: unknown) {
  const input = ZRemovePartyRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  requirePartiesOpen(c.row);
  const before = await partyOfCase(tx, c.row.id, input.partyId);
  await tx
    .delete(schema.caseParty)
    .where(and(eq(schema.caseParty.caseId, c.row.id), eq(schema.caseParty.id, before.id)));
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'party',
    action: 'case.party_removed',
    data: partyEventData(before),
  });
  return { id: before.id };
}

/** The case's parties, masked, in the order they were recorded. */
export async function casePartiesOf(tx: TenantTx, caseId: string) {
  const rows = await tx
    .select()
    .from(schema.caseParty)
    .where(eq(schema.caseParty.caseId, caseId))
    .orderBy(schema.caseParty.createdAt, schema.caseParty.id);
  return rows.map(publicParty);
}

/**
 * The case's parties for what leaves the case (a referral's subject): each ID number opened only
 * if the caller asks for it, so a disclosure that names parties decrypts nothing.
 */
export async function casePartiesToDisclose(tx: TenantTx, box: SecretBox, caseId: string) {
  const rows = await tx
    .select()
    .from(schema.caseParty)
    .where(eq(schema.caseParty.caseId, caseId))
    .orderBy(schema.caseParty.createdAt, schema.caseParty.id);
  return rows.map((p) => ({
    role: p.role,
    name: p.name,
    creditCode: p.creditCode,
    idNumber: () =>
      p.idNumberEncrypted
        ? box.decrypt(p.idNumberEncrypted, p.tenantId, sealedColumns.casePartyIdNumber)
        : null,
  }));
}
