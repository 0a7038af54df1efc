import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

/**
 * A column holding sealed values (the secret box's ciphertext). `table` and `column` are the SQL
 * names bound into every ciphertext; `index` is the blind index computed from the same plaintext,
 * which moves with the key. `tenantId` is null on a platform table.
 */
export type SealedColumnEntry = {
  table: string;
  column: string;
  source: PgTable;
  id: PgColumn;
  tenantId: PgColumn | null;
  value: PgColumn;
  index?: PgColumn;
  /** The columns' property names in the schema, for updates. */
  keys: { value: string; index?: string };
};

function sealed(
  source: PgTable & { id: PgColumn; tenantId?: PgColumn },
  value: PgColumn,
  index?: PgColumn,
): SealedColumnEntry {
  const keyOf = (column: PgColumn) => {
    const key = Object.entries(getTableColumns(source)).find(([, c]) => c === column)?.[0];
    if (!key) throw new Error(`${column.name} is not a column of ${getTableName(source)}`);
    return key;
  };
  return {
    table: getTableName(source),
    column: value.name,
    source,
    id: source.id,
    tenantId: source.tenantId ?? null,
    value,
    ...(index ? { index } : {}),
    keys: { value: keyOf(value), ...(index ? { index: keyOf(index) } : {}) },
  };
}

/**
 * Every sealed column, by its use. Services seal and open through these entries (so the names in
 * the ciphertext cannot drift from the schema) and `linju keys rotate` walks them all; a sealed
 * column missing here is found by `sealed-columns.integration.test.ts`.
 */
export const sealedColumns = {
  residentPhone: sealed(schema.resident, schema.resident.phoneEncrypted, schema.resident.phoneIndex),
  residentIdNumber: sealed(schema.resident, schema.resident.idNumberEncrypted, schema.resident.idNumberIndex),
  // The conflict check compares this key with residents' ID number indexes: same key, same index.
  casePartyIdNumber: sealed(
    schema.caseParty,
    schema.caseParty.idNumberEncrypted,
    schema.caseParty.identityKey,
  ),
  casePartyPhone: sealed(schema.caseParty, schema.caseParty.phoneEncrypted),
  casePartyAddress: sealed(schema.caseParty, schema.caseParty.addressEncrypted),
  residentSessionPhone: sealed(
    schema.residentSession,
    schema.residentSession.phoneSealed,
    schema.residentSession.phoneIndex,
  ),
  staffPhone: sealed(schema.staffMember, schema.staffMember.phoneEncrypted, schema.staffMember.phoneIndex),
  staffTotpKey: sealed(schema.staffMember, schema.staffMember.totpKeyEncrypted),
  volunteerPhone: sealed(schema.volunteer, schema.volunteer.phoneEncrypted),
  referralSubject: sealed(schema.referral, schema.referral.subjectSealed),
  federationInboxMessage: sealed(schema.federationInbox, schema.federationInbox.messageSealed),
  federationOutboxBody: sealed(schema.federationOutbox, schema.federationOutbox.bodySealed),
  formSubmissionAnswer: sealed(schema.formSubmission, schema.formSubmission.answerSealed),
  messageRecipient: sealed(schema.outboundMessage, schema.outboundMessage.recipientSealed),
  messageParams: sealed(schema.outboundMessage, schema.outboundMessage.paramsSealed),
  messageProviderCredentials: sealed(schema.messageProvider, schema.messageProvider.credentialsSealed),
  operatorTotpKey: sealed(schema.platformOperator, schema.platformOperator.totpKeyEncrypted),
} as const satisfies Record<string, SealedColumnEntry>;
