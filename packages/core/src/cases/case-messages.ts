import type { SecretBox } from '@linju/auth';
import { eq, schema, sealedColumns, type TenantTx } from '@linju/db';
import type { MessageTemplateKey } from '@linju/vocabulary';
import type { Actor } from '../actor.ts';
import { enqueueMessage, type MessageParams } from '../messages/enqueue-message.ts';
import { isMobileNumber } from '../personal-data/personal-data.ts';
import type { CaseRow } from './case-access.ts';
import { issueRatingCode } from './rating-code.ts';
import { hasConsent } from './resident-consent.ts';

type ResidentPhone = Pick<typeof schema.resident.$inferSelect, 'tenantId' | 'phoneEncrypted'>;

/** A resident's mobile number from their row; null without a phone or with a landline. */
function mobileOf(box: SecretBox, resident: ResidentPhone | undefined): string | null {
  if (!resident?.phoneEncrypted) return null;
  const phone = box.decrypt(resident.phoneEncrypted, resident.tenantId, sealedColumns.residentPhone);
  return isMobileNumber(phone) ? phone : null;
}

async function residentMobile(tx: TenantTx, box: SecretBox, residentId: string): Promise<string | null> {
  const [resident] = await tx
    .select({ tenantId: schema.resident.tenantId, phoneEncrypted: schema.resident.phoneEncrypted })
    .from(schema.resident)
    .where(eq(schema.resident.id, residentId));
  return mobileOf(box, resident);
}

/** A template's SMS to the case's resident when they have a mobile number; null when they have none. */
export async function textCaseResident(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: CaseRow,
  message: { templateKey: MessageTemplateKey; params: MessageParams },
) {
  const phone = await residentMobile(tx, box, row.residentId);
  if (!phone) return null;
  return enqueueMessage(tx, actor, box, { channel: 'sms', recipient: phone, caseId: row.id, ...message });
}

/**
 * 受理回执: a resident with a mobile number gets the case's number by SMS, with the intake's commit.
 * The intake has the resident's row at hand: no read while the district's counter is locked.
 */
export function textIntakeReceipt(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: CaseRow,
  resident: ResidentPhone,
) {
  const phone = mobileOf(box, resident);
  if (!phone) return null;
  return enqueueMessage(tx, actor, box, {
    channel: 'sms',
    recipient: phone,
    caseId: row.id,
    templateKey: 'intake-receipt',
    params: { number: row.number },
  });
}

/**
 * On closing, a resident who agreed to be contacted for feedback, has a mobile number and has not
 * rated yet gets a rating code by SMS (issued as staff would issue it, so the earlier code stops
 * working). Otherwise the close goes on without a message: staff can still issue a code by hand.
 */
export async function textRatingCode(tx: TenantTx, actor: Actor, box: SecretBox, row: CaseRow) {
  const [rated] = await tx
    .select({ score: schema.satisfaction.score })
    .from(schema.satisfaction)
    .where(eq(schema.satisfaction.caseId, row.id));
  if (rated || !(await hasConsent(tx, row.residentId, 'feedback-contact'))) return null;
  const phone = await residentMobile(tx, box, row.residentId);
  if (!phone) return null;
  const { code } = await issueRatingCode(tx, actor, { caseId: row.id });
  return enqueueMessage(tx, actor, box, {
    channel: 'sms',
    templateKey: 'rating-code',
    recipient: phone,
    params: { number: row.number, code },
    caseId: row.id,
  });
}

/**
 * 留言通知: a resident with a mobile number hears that the handler left them a message, and where
 * to read it. The message itself never goes by SMS (templates only, and it may be personal).
 */
export async function textHandlerMessageNotice(tx: TenantTx, actor: Actor, box: SecretBox, row: CaseRow) {
  const phone = await residentMobile(tx, box, row.residentId);
  if (!phone) return null;
  return enqueueMessage(tx, actor, box, {
    channel: 'sms',
    templateKey: 'handler-message',
    recipient: phone,
    params: { number: row.number },
    caseId: row.id,
  });
}
