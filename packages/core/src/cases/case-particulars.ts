import type { SealedColumn, SecretBox } from '@linju/auth';
import { eq, schema, sealedColumns, type TenantTx } from '@linju/db';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { type LoadedCase, requireOnCase } from './case-access.ts';
import { getResident } from './resident-service.ts';

/** Opens the sealed values given, naming the fields that held one. */
function opened(
  box: SecretBox,
  tenantId: string,
  values: Record<string, readonly [string | null, SealedColumn]>,
) {
  const open: Record<string, string | null> = {};
  const fields: string[] = [];
  for (const [field, [sealed, column]] of Object.entries(values)) {
    open[field] = sealed ? box.decrypt(sealed, tenantId, column) : null;
    if (sealed) fields.push(field);
  }
  return { open, fields };
}

/**
 * The case's resident and parties with their ID numbers, phones and addresses opened, for a
 * document that names them in full (人民调解协议书): for someone who may handle the case, and audited
 * per person whose sealed data was opened (`personal_data.revealed`, the fields and the purpose).
 */
export async function revealCaseParticulars(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  c: LoadedCase,
  purpose: string,
) {
  requireOnCase(actor, 'case.handle', c);
  const tenantId = c.row.tenantId;
  const resident = await getResident(tx, c.row.residentId);
  const own = opened(box, tenantId, {
    idNumber: [resident.idNumberEncrypted, sealedColumns.residentIdNumber],
    phone: [resident.phoneEncrypted, sealedColumns.residentPhone],
  });
  if (own.fields.length > 0) {
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'personal_data.revealed',
      objectType: 'resident',
      objectId: resident.id,
      after: { fields: own.fields, caseId: c.row.id, purpose },
    });
  }
  const rows = await tx
    .select()
    .from(schema.caseParty)
    .where(eq(schema.caseParty.caseId, c.row.id))
    .orderBy(schema.caseParty.createdAt, schema.caseParty.id);
  const parties = [];
  for (const p of rows) {
    const { open, fields } = opened(box, tenantId, {
      idNumber: [p.idNumberEncrypted, sealedColumns.casePartyIdNumber],
      phone: [p.phoneEncrypted, sealedColumns.casePartyPhone],
      address: [p.addressEncrypted, sealedColumns.casePartyAddress],
    });
    if (fields.length > 0) {
      await appendAudit(tx, {
        ...auditActor(actor),
        action: 'personal_data.revealed',
        objectType: 'case',
        objectId: c.row.id,
        after: { partyId: p.id, fields, purpose },
      });
    }
    parties.push({
      name: p.name,
      role: p.role,
      kind: p.kind,
      idNumber: open.idNumber ?? null,
      creditCode: p.creditCode,
      phone: open.phone ?? null,
      address: open.address ?? null,
    });
  }
  return [
    {
      name: resident.name,
      role: 'resident' as const,
      kind: 'person' as const,
      idNumber: own.open.idNumber ?? null,
      creditCode: null,
      phone: own.open.phone ?? null,
      // The resident's address is not sealed (it is what letters go to).
      address: resident.address,
    },
    ...parties,
  ];
}
