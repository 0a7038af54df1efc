import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, desc, eq, schema, sealedColumns, sql, type TenantTx } from '@linju/db';
import { SUGGESTION_STATUSES, SUGGESTION_TOPICS } from '@linju/vocabulary';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { enqueueMessage } from '../messages/enqueue-message.ts';
import { maskPhone, seal } from '../personal-data/personal-data.ts';

const ZText = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(2000, { message: 'publicOutreach.text_too_long' });

export const ZLeaveSuggestionRequest = z.object({
  topic: z.enum(SUGGESTION_TOPICS, { message: 'publicOutreach.topic_required' }),
  body: ZText,
  /** The resident agrees that the question and its answer show on the site, without their name. */
  public: z.boolean().default(false),
});

export const ZAnswerSuggestionRequest = z.object({ id: z.uuid(), answer: ZText });

export type SuggestionRow = typeof schema.suggestion.$inferSelect;

/** What staff see of a suggestion: never the sealed phone, only whether and where an SMS goes. */
const staffView = ({ replyPhoneSealed: _s, replyPhoneIndex: _i, ...row }: SuggestionRow) => row;

/**
 * A resident leaves a suggestion, complaint or question on the district's public site: anonymous,
 * or with the phone they verified (sealed, masked for staff) to hear by SMS when it is answered.
 */
export async function leaveSuggestion(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZLeaveSuggestionRequest>,
  replyPhone: string | null,
) {
  const input = ZLeaveSuggestionRequest.parse(request);
  const phone = replyPhone ? seal(box, replyPhone, actor.tenantId, sealedColumns.suggestionReplyPhone) : null;
  const [row] = await tx
    .insert(schema.suggestion)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      topic: input.topic,
      body: input.body,
      public: input.public,
      replyPhoneSealed: phone?.encrypted ?? null,
      replyPhoneIndex: phone?.index ?? null,
      replyPhoneMasked: replyPhone ? maskPhone(replyPhone) : null,
    })
    .returning();
  if (!row) throw new Error('suggestion insert returned no row');
  // The text is the resident's own words and may name people: the log keeps its facts, not the text.
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'suggestion.left',
    objectType: 'suggestion',
    objectId: row.id,
    after: { topic: row.topic, public: row.public, replyPhone: row.replyPhoneMasked },
  });
  return { id: row.id };
}

/**
 * Staff answer a suggestion once. A resident who left their phone gets an SMS that the answer is
 * there, with the site's link (`link`), never the answer's text: SMS templates are fixed.
 */
export async function answerSuggestion(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZAnswerSuggestionRequest>,
  link: string,
) {
  requireTenantWide(actor, 'suggestion.answer');
  const input = ZAnswerSuggestionRequest.parse(request);
  const [before] = await tx
    .select()
    .from(schema.suggestion)
    .where(eq(schema.suggestion.id, input.id))
    .for('update');
  if (!before) throw new DomainError('not-found', 'suggestion.not_found', { field: 'id' });
  if (before.status === 'answered')
    throw new DomainError('conflict', 'suggestion.already_answered', { field: 'answer' });
  const [after] = await tx
    .update(schema.suggestion)
    .set({ status: 'answered', answer: input.answer, answeredBy: actor.id, answeredAt: new Date() })
    .where(eq(schema.suggestion.id, input.id))
    .returning();
  if (!after) throw new Error('suggestion update returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'suggestion.answered',
    objectType: 'suggestion',
    objectId: input.id,
    before: { status: before.status },
    after: { status: after.status, answer: after.answer },
  });
  const sms = before.replyPhoneSealed
    ? await enqueueMessage(tx, actor, box, {
        channel: 'sms',
        templateKey: 'suggestion-answered',
        recipient: box.decrypt(before.replyPhoneSealed, actor.tenantId, sealedColumns.suggestionReplyPhone),
        params: { link },
      })
    : null;
  return { suggestion: staffView(after), messageId: sms?.id ?? null };
}

export const ZListSuggestionsRequest = z.object({
  status: z.enum(SUGGESTION_STATUSES).nullish(),
  page: z.number().int().min(1).max(100_000).default(1),
  size: z.number().int().min(1).max(100).default(20),
});

/** Counted up to this many: the list says "at least" beyond it rather than count them all. */
const COUNT_BOUND = 1000;

/** The district's suggestion box for staff who answer it, newest first, a page at a time. */
export async function listSuggestions(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZListSuggestionsRequest>,
) {
  requireTenantWide(actor, 'suggestion.answer');
  const input = ZListSuggestionsRequest.parse(request);
  const t = schema.suggestion;
  const where = input.status ? eq(t.status, input.status) : undefined;
  const [rows, [counted]] = await Promise.all([
    tx
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(input.size)
      .offset((input.page - 1) * input.size),
    tx.select({ count: sql<number>`count(*)::int` }).from(
      tx
        .select({ id: t.id })
        .from(t)
        .where(where)
        .limit(COUNT_BOUND + 1)
        .as('bounded'),
    ),
  ]);
  const count = counted?.count ?? 0;
  return {
    suggestions: rows.map(staffView),
    total: { count: Math.min(count, COUNT_BOUND), capped: count > COUNT_BOUND },
  };
}

/** The answered list on the public site: only what residents agreed to show, and no one's phone. */
export async function publicAnsweredSuggestions(tx: TenantTx, limit = 20) {
  const t = schema.suggestion;
  return tx
    .select({ id: t.id, topic: t.topic, body: t.body, answer: t.answer, answeredAt: t.answeredAt })
    .from(t)
    .where(and(eq(t.public, true), eq(t.status, 'answered')))
    .orderBy(desc(t.answeredAt), desc(t.id))
    .limit(limit);
}

/** A resident's own suggestions, found by their verified phone's blind index: answers shown to no one else. */
export async function residentSuggestions(tx: TenantTx, box: SecretBox, tenantId: string, phone: string) {
  const t = schema.suggestion;
  return tx
    .select({
      id: t.id,
      topic: t.topic,
      body: t.body,
      status: t.status,
      answer: t.answer,
      createdAt: t.createdAt,
    })
    .from(t)
    .where(eq(t.replyPhoneIndex, box.blindIndex(phone, tenantId)))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(50);
}
