import type { SecretBox } from '@linju/auth';
import { asc, type Database, eq, schema, sealedColumns, withTenant } from '@linju/db';
import type { MessageTemplateKey } from '@linju/vocabulary';

/**
 * The parameters of the SMS of `templateKey` last queued to `phone` in the district, read from the
 * outbox as the provider would get them (test-only: e.g. the verification code a resident was sent).
 */
export async function smsSentTo(
  db: Database,
  box: SecretBox,
  tenantId: string,
  phone: string,
  templateKey: MessageTemplateKey,
): Promise<Record<string, string> | undefined> {
  const m = schema.outboundMessage;
  const sent = await withTenant(db, tenantId, (tx) =>
    tx.select().from(m).where(eq(m.templateKey, templateKey)).orderBy(asc(m.createdAt)),
  );
  return sent
    .filter((row) => box.decrypt(row.recipientSealed, tenantId, sealedColumns.messageRecipient) === phone)
    .map((row) => JSON.parse(box.decrypt(row.paramsSealed, tenantId, sealedColumns.messageParams)))
    .at(-1);
}

/** The verification code last sent to `phone` in the district, as the resident reads it from the SMS. */
export const residentCodeSentTo = async (db: Database, box: SecretBox, tenantId: string, phone: string) =>
  (await smsSentTo(db, box, tenantId, phone, 'verification-code'))?.code;
