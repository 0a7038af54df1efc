import { createHash, randomUUID } from 'node:crypto';
import { type ReferralCreate, referralAttachmentPath, referralEventsPath } from '@linju/federation';
import { type Check, type CheckOutcome, describeResponse, expectRefusal, NotRun } from './check.ts';
import type { KitIdentity } from './kit-identity.ts';
import type { KitListener } from './kit-listener.ts';
import { prepareRequest, type SigningKey, sendRequest } from './kit-request.ts';

/** How many referrals the node under test sends the kit: one per path through the states. */
export const REFERRALS_TO_RECEIVE = 3;

/** What the checks of the kit as a receiver share. */
export type ReceiverContext = {
  readonly baseUrl: string;
  readonly kit: KitIdentity;
  readonly listener: KitListener;
  /** How long to wait for the node's creates and fetches. */
  readonly waitMs: number;
  /** Told when the kit waits for the node's referrals (the CLI asks the operator to send them). */
  readonly onWaiting?: () => void | Promise<void>;
  /** The node under test's node id (from its well-known document). */
  readonly nodeId?: string;
  /** A key no node pinned. */
  readonly stranger: SigningKey;
  /** The referrals that arrived, the one with an attachment first (delivery may reorder them). */
  referrals?: ReferralCreate[];
  /** The idempotency key of the `accepted` sent, to send it again. */
  acceptKey?: string;
};

/** A tiny valid PDF: what the kit returns with its outcome, for the node to fetch. */
const OUTCOME_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const OUTCOME_SHA256 = createHash('sha256').update(OUTCOME_PDF).digest('hex');

const by = { name: 'Conformance kit', role: 'tester' };
const eventBody = (type: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({ type, at: new Date().toISOString(), by, ...over });

/** The sender's id of the n-th referral the node sent the kit. */
function referral(context: ReceiverContext, index: number): string {
  const id = context.referrals?.[index]?.id;
  if (!id)
    throw new NotRun(
      `referral ${index + 1} of ${REFERRALS_TO_RECEIVE} did not arrive (see "creates-arrive")`,
    );
  return id;
}

const post = (context: ReceiverContext, index: number, body: string, idempotencyKey: string = randomUUID()) =>
  sendRequest(
    prepareRequest(context.baseUrl, context.kit.key, {
      method: 'POST',
      path: referralEventsPath(referral(context, index)),
      body,
      idempotencyKey,
    }),
  );

const applied = async (
  context: ReceiverContext,
  index: number,
  body: string,
  key?: string,
): Promise<CheckOutcome> => {
  const response = await post(context, index, body, key);
  return {
    pass: response.status >= 200 && response.status < 300,
    expected: '2xx',
    got: describeResponse(response),
  };
};

/** An event the state machine does not allow: 409 naming the current state. */
const conflict = async (context: ReceiverContext, index: number, body: string, current: string) => {
  const outcome = expectRefusal(await post(context, index, body), [409], { naming: current });
  return { ...outcome, expected: `${outcome.expected} (the current state)` };
};

/** The attachment of referral 1 (the one sent with a file): its path on the node and its digest. */
function firstAttachment(context: ReceiverContext) {
  const attachment = context.referrals?.[0]?.attachments[0];
  if (!attachment) throw new NotRun('no referral carried an attachment (send one of them with a file)');
  // Spec: the url is the attachments path on the sender's node, whatever host it names.
  return { sha256: attachment.sha256, path: new URL(attachment.url, context.baseUrl).pathname };
}

const fetchAttachment = (context: ReceiverContext, path: string, key: SigningKey = context.kit.key) =>
  sendRequest(prepareRequest(context.baseUrl, key, { method: 'GET', path }));

/**
 * The checks of the node under test as the SENDER of referrals to the kit (which listens as a
 * node): its creates arrive signed, and the kit, as their receiver, walks every path of spec
 * "States" — each valid move accepted, each invalid one refused with 409 and the current state.
 * Referral 1 (with an attachment the kit fetches): accepted → in-progress → completed (with a
 * document the node fetches); referral 2:
 * rejected; referral 3: accepted → failed.
 */
export const receiverChecks: readonly Check<ReceiverContext>[] = [
  {
    id: 'creates-arrive',
    section: 'Messages; Delivery',
    title: `The node's ${REFERRALS_TO_RECEIVE} referrals to the kit arrive, signed with a published key, with digest, idempotency key and a valid body`,
    async run(context) {
      await context.onWaiting?.();
      const arrived = await context.listener.waitForCreates(REFERRALS_TO_RECEIVE, context.waitMs);
      const creates = context.listener.creates;
      const messages = creates.flatMap((c) => (c.message ? [c.message] : []));
      const first = messages.findIndex((m) => m.attachments.length > 0);
      context.referrals =
        first < 0 ? messages : [messages[first] as ReferralCreate, ...messages.filter((_, i) => i !== first)];
      const problems = creates.flatMap((c, i) => c.problems.map((p) => `#${i + 1} ${p}`));
      const foreign = creates.filter((c) => c.message && !c.message.from.endsWith(`@${context.nodeId}`));
      return {
        pass: arrived && problems.length === 0 && foreign.length === 0,
        expected: `${REFERRALS_TO_RECEIVE} signed creates to ${context.kit.address} from @${context.nodeId ?? '?'} within ${context.waitMs / 1000} s`,
        got: `${creates.length} arrived${problems.length ? `; ${problems.join('; ')}` : ''}${foreign.length ? `; "from" of another node` : ''}${context.listener.refused.size ? `; refused: ${[...context.listener.refused].join(' | ')}` : ''}`,
      };
    },
  },
  {
    id: 'attachment-fetch',
    section: 'Messages',
    title: "Referral 1's attachment, fetched by its receiver (signed), answers the bytes its sha256 names",
    async run(context) {
      const { sha256, path } = firstAttachment(context);
      const response = await fetchAttachment(context, path);
      const digest = createHash('sha256').update(response.bytes);
      const got = digest.digest('hex');
      const header = response.headers['content-digest'];
      const expectedHeader = `sha-256=:${Buffer.from(got, 'hex').toString('base64')}:`;
      const digestOk = header === undefined || String(header).includes(expectedHeader);
      return {
        pass: response.status === 200 && got === sha256 && digestOk,
        expected: `200, the body's sha256 ${sha256.slice(0, 12)}…${header === undefined ? '' : ', a matching Content-Digest'}`,
        got: `${response.status} ${response.contentType}, sha256 ${got.slice(0, 12)}…${digestOk ? '' : `, Content-Digest ${String(header)}`}`,
      };
    },
  },
  {
    id: 'attachment-unknown-key',
    section: 'Messages; Errors',
    title: 'The attachment fetched with a key no pinned peer owns is refused',
    async run(context) {
      return expectRefusal(
        await fetchAttachment(context, firstAttachment(context).path, context.stranger),
        [401],
      );
    },
  },
  {
    id: 'attachment-other-referral',
    section: 'Messages; Errors',
    title:
      "The attachment asked for under another referral's id answers 404 (only to the referral's receiver)",
    async run(context) {
      const { sha256 } = firstAttachment(context);
      const other = context.referrals?.find(
        (m, i) => i > 0 && !m.attachments.some((a) => a.sha256 === sha256),
      )?.id;
      if (!other)
        throw new NotRun("referrals 2 and 3 carry referral 1's attachment too (send only one with it)");
      return expectRefusal(await fetchAttachment(context, referralAttachmentPath(other, sha256)), [404]);
    },
  },
  {
    id: 'receiver-note',
    section: 'Messages',
    title: 'The receiver posts a note (its text in "reason"): accepted',
    run: (context) => applied(context, 0, eventBody('note', { reason: 'Conformance kit: a note' })),
  },
  {
    id: 'in-progress-before-accepted',
    section: 'States',
    title: '"in-progress" while received is refused',
    run: (context) => conflict(context, 0, eventBody('in-progress'), 'received'),
  },
  {
    id: 'completed-before-accepted',
    section: 'States',
    title: '"completed" while received is refused',
    run: (context) =>
      conflict(
        context,
        0,
        eventBody('completed', { outcome: { code: 'done', text: 'too early' } }),
        'received',
      ),
  },
  {
    id: 'accept',
    section: 'States',
    title: 'received → accepted',
    async run(context) {
      const key = randomUUID();
      context.acceptKey = key;
      return applied(context, 0, eventBody('accepted'), key);
    },
  },
  {
    id: 'accept-retry',
    section: 'Messages',
    title: 'The same "accepted" again with its idempotency key (fresh signature) is accepted, not refused',
    async run(context) {
      const key = context.acceptKey;
      if (!key) throw new NotRun('no "accepted" was sent');
      return applied(context, 0, eventBody('accepted'), key);
    },
  },
  {
    id: 'accept-again',
    section: 'States',
    title: 'Another "accepted" (accepted → accepted) is refused',
    run: (context) => conflict(context, 0, eventBody('accepted'), 'accepted'),
  },
  {
    id: 'in-progress',
    section: 'States',
    title: 'accepted → in-progress',
    run: (context) => applied(context, 0, eventBody('in-progress')),
  },
  {
    id: 'complete-without-outcome',
    section: 'States; Errors',
    title: '"completed" without an outcome answers 400 naming it',
    run: async (context) =>
      expectRefusal(await post(context, 0, eventBody('completed')), [400], { naming: 'outcome' }),
  },
  {
    id: 'complete',
    section: 'States',
    title: 'in-progress → completed, with an outcome and a document',
    async run(context) {
      const id = referral(context, 0);
      const document = context.listener.serve(id, OUTCOME_PDF);
      const url = referralAttachmentPath(id, document.sha256);
      const documents = [{ name: 'outcome.pdf', mediaType: 'application/pdf', sha256: document.sha256, url }];
      return applied(
        context,
        0,
        eventBody('completed', { outcome: { code: 'confirmed', text: 'Conformance kit: done', documents } }),
      );
    },
  },
  {
    id: 'outcome-document-fetched',
    section: 'Messages',
    title: "The node fetches the outcome's document from the kit, signed",
    async run(context) {
      referral(context, 0);
      const sha256 = OUTCOME_SHA256;
      const fetched = await context.listener.waitForFetch(sha256, context.waitMs);
      return {
        pass: fetched,
        expected: `a signed GET …/attachments/${sha256.slice(0, 12)}… within ${context.waitMs / 1000} s`,
        got: fetched ? 'fetched' : 'not fetched (or not signed with a published key)',
      };
    },
  },
  {
    id: 'fail-after-completed',
    section: 'States',
    title: '"failed" after completed is refused',
    run: (context) => conflict(context, 0, eventBody('failed', { reason: 'too late' }), 'completed'),
  },
  {
    id: 'cancel-by-receiver',
    section: 'States',
    title: 'The receiver posting "cancelled" (sender only) is refused',
    async run(context) {
      return expectRefusal(
        await post(context, 1, eventBody('cancelled', { reason: 'not mine' })),
        [403, 404, 409],
      );
    },
  },
  {
    id: 'reject-without-reason',
    section: 'States; Errors',
    title: '"rejected" without a reason answers 400 naming it',
    run: async (context) =>
      expectRefusal(await post(context, 1, eventBody('rejected')), [400], { naming: 'reason' }),
  },
  {
    id: 'reject',
    section: 'States',
    title: 'received → rejected',
    run: (context) => applied(context, 1, eventBody('rejected', { reason: 'Conformance kit: not ours' })),
  },
  {
    id: 'accept-after-rejected',
    section: 'States',
    title: '"accepted" after rejected is refused',
    run: (context) => conflict(context, 1, eventBody('accepted'), 'rejected'),
  },
  {
    id: 'accept-then-fail',
    section: 'States',
    title: 'received → accepted (the third referral)',
    run: (context) => applied(context, 2, eventBody('accepted')),
  },
  {
    id: 'fail-without-reason',
    section: 'States; Errors',
    title: '"failed" without a reason answers 400 naming it',
    run: async (context) =>
      expectRefusal(await post(context, 2, eventBody('failed')), [400], { naming: 'reason' }),
  },
  {
    id: 'fail',
    section: 'States',
    title: 'accepted → failed',
    run: (context) => applied(context, 2, eventBody('failed', { reason: 'Conformance kit: could not' })),
  },
  {
    id: 'in-progress-after-failed',
    section: 'States',
    title: '"in-progress" after failed is refused',
    run: (context) => conflict(context, 2, eventBody('in-progress'), 'failed'),
  },
];
