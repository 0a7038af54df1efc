import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { eq, inArray, schema, sealedColumns, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { maskIdNumber, maskPhone, seal, ZIdNumber, ZPhone } from '../personal-data/personal-data.ts';
import { residentSearchTokens } from '../personal-data/search-terms.ts';

export type Resident = typeof schema.resident.$inferSelect;

export const ZResidentDetails = z.object({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(50),
  phone: ZPhone.nullish(),
  idNumber: ZIdNumber.nullish(),
  keyGroups: z.array(z.enum(schema.KEY_GROUPS)).max(5).default([]),
  contactPreference: z.enum(schema.CONTACT_PREFERENCES).default('phone'),
  address: z.string().trim().max(200).nullish(),
});
export type ResidentDetails = z.input<typeof ZResidentDetails>;

/** A resident as lists and case pages show them: masked, never decrypted in bulk. */
export const publicResident = (r: Resident) => ({
  id: r.id,
  name: r.name,
  phoneMasked: r.phoneMasked,
  idNumberMasked: r.idNumberMasked,
  keyGroups: r.keyGroups as schema.KeyGroup[],
  contactPreference: r.contactPreference,
});

export type ResidentMatch = 'id-number' | 'phone' | 'new';

/**
 * Finds the resident again (by ID number, else by phone with the same name: a household shares a
 * phone) through the blind indexes, or records a new one. A found resident gains the key groups,
 * phone and ID number given now; nothing known is overwritten.
 */
export async function findOrCreateResident(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  details: ResidentDetails,
): Promise<{ resident: Resident; matched: ResidentMatch }> {
  const input = ZResidentDetails.parse(details);
  let found: Resident | undefined;
  let matched: ResidentMatch = 'new';
  if (input.idNumber) {
    [found] = await tx
      .select()
      .from(schema.resident)
      .where(inArray(schema.resident.idNumberIndex, box.blindIndexes(input.idNumber, actor.tenantId)));
    if (found) matched = 'id-number';
  }
  if (!found && input.phone) {
    const samePhone = await tx
      .select()
      .from(schema.resident)
      .where(inArray(schema.resident.phoneIndex, box.blindIndexes(input.phone, actor.tenantId)));
    found = samePhoneMatch(samePhone, input.name, Boolean(input.idNumber));
    if (found) matched = 'phone';
  }
  if (found) {
    const update: Partial<Resident> = {};
    const groups = [...new Set([...found.keyGroups, ...input.keyGroups])];
    if (groups.length !== found.keyGroups.length) update.keyGroups = groups;
    if (input.phone && !found.phoneEncrypted) {
      Object.assign(update, sealedPhone(box, actor.tenantId, input.phone));
      Object.assign(
        update,
        residentSearchTokens(box, actor.tenantId, { name: found.name, phone: input.phone }),
      );
    }
    if (input.idNumber && !found.idNumberEncrypted)
      Object.assign(update, sealedIdNumber(box, actor.tenantId, input.idNumber));
    if (Object.keys(update).length > 0) {
      [found] = await tx
        .update(schema.resident)
        .set(update)
        .where(eq(schema.resident.id, found.id))
        .returning();
      if (!found) throw new Error('resident update returned no row');
      await appendAudit(tx, {
        ...auditActor(actor),
        action: 'resident.updated',
        objectType: 'resident',
        objectId: found.id,
        after: {
          fields: Object.keys(update).filter(
            (k) => !k.endsWith('Encrypted') && !k.endsWith('Index') && !k.startsWith('searchTokens'),
          ),
        },
      });
    }
    return { resident: found, matched };
  }
  const [created] = await tx
    .insert(schema.resident)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      name: input.name,
      keyGroups: input.keyGroups,
      contactPreference: input.contactPreference,
      address: input.address ?? null,
      ...(input.phone ? sealedPhone(box, actor.tenantId, input.phone) : {}),
      ...(input.idNumber ? sealedIdNumber(box, actor.tenantId, input.idNumber) : {}),
      ...residentSearchTokens(box, actor.tenantId, input),
    })
    .returning();
  if (!created) throw new Error('resident insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'resident.created',
    objectType: 'resident',
    objectId: created.id,
    after: publicResident(created),
  });
  return { resident: created, matched };
}

/** Same phone and same name; a resident with an ID number on file is matched by that number only. */
function samePhoneMatch(candidates: Resident[], name: string, hasIdNumber: boolean) {
  return candidates.find((c) => c.name === name && !(hasIdNumber && c.idNumberIndex));
}

const sealedPhone = (box: SecretBox, tenantId: string, phone: string) => {
  const s = seal(box, phone, tenantId, sealedColumns.residentPhone);
  return { phoneEncrypted: s.encrypted, phoneIndex: s.index, phoneMasked: maskPhone(phone) };
};
const sealedIdNumber = (box: SecretBox, tenantId: string, idNumber: string) => {
  const s = seal(box, idNumber, tenantId, sealedColumns.residentIdNumber);
  return { idNumberEncrypted: s.encrypted, idNumberIndex: s.index, idNumberMasked: maskIdNumber(idNumber) };
};

export const ZFindResidentRequest = z
  .object({ phone: ZPhone.optional(), idNumber: ZIdNumber.optional() })
  .refine((r) => Boolean(r.phone) !== Boolean(r.idNumber), { message: 'resident.phone_or_id_number' });

/** Residents with exactly this phone or ID number (blind index), masked. */
export async function findResidents(
  tx: TenantTx,
  box: SecretBox,
  tenantId: string,
  request: z.input<typeof ZFindResidentRequest>,
) {
  const input = ZFindResidentRequest.parse(request);
  const rows = await tx
    .select()
    .from(schema.resident)
    .where(
      input.idNumber
        ? inArray(schema.resident.idNumberIndex, box.blindIndexes(input.idNumber, tenantId))
        : inArray(schema.resident.phoneIndex, box.blindIndexes(input.phone ?? '', tenantId)),
    )
    .limit(20);
  return rows.map(publicResident);
}

export async function getResident(tx: TenantTx, id: string): Promise<Resident> {
  const [row] = await tx.select().from(schema.resident).where(eq(schema.resident.id, id));
  if (!row) throw new DomainError('not-found', 'resident.not_found', { field: 'residentId' });
  return row;
}

/** The unmasked phone or ID number of a resident; every reading is audited. */
export async function revealResidentField(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  resident: Resident,
  field: 'phone' | 'idNumber',
) {
  const [sealed, at] =
    field === 'phone'
      ? [resident.phoneEncrypted, sealedColumns.residentPhone]
      : [resident.idNumberEncrypted, sealedColumns.residentIdNumber];
  if (!sealed) return { value: null };
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'personal_data.revealed',
    objectType: 'resident',
    objectId: resident.id,
    after: { field },
  });
  return { value: box.decrypt(sealed, resident.tenantId, at) };
}
