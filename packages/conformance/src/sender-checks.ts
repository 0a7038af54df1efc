import { createHash, randomUUID } from 'node:crypto';
import {
  REFERRALS_PATH,
  referralAttachmentPath,
  referralEventsPath,
  referralPath,
  WELL_KNOWN_PATH,
  type WellKnownDocument,
  wellKnownDocumentSchema,
} from '@linju/federation';
import {
  type Check,
  type CheckOutcome,
  describeResponse,
  expectAnswer,
  expectRefusal,
  NotRun,
} from './check.ts';
import type { KitIdentity } from './kit-identity.ts';
import { type KitRequest, prepareRequest, type SigningKey, sendRequest } from './kit-request.ts';

/** What the checks of the kit as a sender share; later checks use what earlier ones learnt. */
export type SenderContext = {
  readonly baseUrl: string;
  readonly kit: KitIdentity;
  /** A key no node pinned. */
  readonly stranger: SigningKey;
  /** The organisation of the node under test the kit addresses; the first listed when not given. */
  readonly orgId?: string;
  node?: WellKnownDocument;
  /** `orgId@nodeId` of the organisation addressed. */
  to?: string;
  /** The referral the kit created, retried and then cancels. */
  referral?: { id: string; receipt: string; body: string; idempotencyKey: string };
  /** The cancellation's idempotency key, to retry it. */
  cancel?: { idempotencyKey: string; body: string };
};

/** Past the spec's 5 minutes either way. */
const SKEW_SECONDS = 6 * 60;

const call = (context: SenderContext, request: KitRequest) =>
  sendRequest(prepareRequest(context.baseUrl, context.kit.key, request));

function target(context: SenderContext): string {
  if (!context.to) throw new NotRun('the well-known document names no organisation to address');
  return context.to;
}

function created(context: SenderContext) {
  if (!context.referral) throw new NotRun('no referral was created (see "create")');
  return context.referral;
}

/** A create message as spec "Messages" shows it, from the kit's organisation to the one tested. */
export function createMessage(context: SenderContext, over: Record<string, unknown> = {}): string {
  const dueBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify({
    id: `conformance-${randomUUID()}`,
    from: context.kit.address,
    to: target(context),
    kind: 'litigation-mediation',
    subject: { displayName: '一致性测试', groups: [] },
    summary: 'Conformance kit: a test referral, cancelled by the kit',
    attachments: [],
    requestedBy: { name: 'Conformance kit', role: 'tester' },
    dueBy,
    createdAt: new Date().toISOString(),
    ...over,
  });
}

const isReceipt = (json: unknown): json is { receipt: string; status: 'received' } =>
  typeof json === 'object' &&
  json !== null &&
  typeof (json as { receipt?: unknown }).receipt === 'string' &&
  (json as { status?: unknown }).status === 'received';

const statusOf = (json: unknown) =>
  typeof json === 'object' && json !== null ? (json as { status?: unknown }).status : undefined;

/** The view after a change: its status, and how many events of `type` it lists. */
async function view(context: SenderContext, id: string) {
  const response = await call(context, { method: 'GET', path: referralPath(id) });
  const events = (response.json as { events?: { type?: unknown }[] } | undefined)?.events;
  return { response, status: statusOf(response.json), events: Array.isArray(events) ? events : undefined };
}

const event = (type: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    type,
    at: new Date().toISOString(),
    by: { name: 'Conformance kit', role: 'tester' },
    ...over,
  });

const postEvent = (context: SenderContext, id: string, body: string, idempotencyKey: string = randomUUID()) =>
  call(context, { method: 'POST', path: referralEventsPath(id), body, idempotencyKey });

/** A refused create, whatever the tampering: the answer for a fresh, otherwise valid message. */
const refusedCreate = async (
  context: SenderContext,
  statuses: number[],
  tamper: KitRequest['tamper'],
): Promise<CheckOutcome> =>
  expectRefusal(
    await call(context, { method: 'POST', path: REFERRALS_PATH, body: createMessage(context), tamper }),
    statuses,
  );

/**
 * The checks of the node under test as the RECEIVER of the kit's referrals, in order: its identity,
 * the signature wall, the create and its idempotency, the limits, the view, and the sender's events
 * through every move the spec lets a sender make (and the ones it does not).
 */
export const senderChecks: readonly Check<SenderContext>[] = [
  {
    id: 'well-known',
    section: 'Parties and identity',
    title:
      'GET /.well-known/linju-node answers the node document: nodeId, name, baseUrl, Ed25519 JWKs with kid, organisations',
    async run(context) {
      const response = await sendRequest({
        url: new URL(WELL_KNOWN_PATH, context.baseUrl).toString(),
        method: 'GET',
        headers: { accept: 'application/json' },
      });
      const parsed = wellKnownDocumentSchema.safeParse(response.json);
      if (response.status === 200 && parsed.success) context.node = parsed.data;
      const problems = parsed.success
        ? ''
        : `; ${parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`).join('; ')}`;
      return {
        pass: response.status === 200 && parsed.success,
        expected: '200 JSON with nodeId, name, baseUrl, publicKeys[] (OKP/Ed25519, kid), organisations[]',
        got: `${describeResponse(response)}${problems}`,
      };
    },
  },
  {
    id: 'organisation-listed',
    section: 'Parties and identity',
    title: 'The organisation addressed is listed, with names and a kind',
    async run(context) {
      if (!context.node) throw new NotRun('no well-known document');
      const listed = context.node.organisations;
      const org = context.orgId ? listed.find((o) => o.orgId === context.orgId) : listed[0];
      if (org) context.to = `${org.orgId}@${context.node.nodeId}`;
      return {
        pass: org !== undefined,
        expected: context.orgId ? `organisation "${context.orgId}" listed` : 'at least one organisation',
        got: org
          ? `${org.orgId} (${org.kind})`
          : `listed: ${listed.map((o) => o.orgId).join(', ') || 'none'}`,
      };
    },
  },
  {
    id: 'unsigned-create',
    section: 'Messages; Errors',
    title: 'A create without a signature is refused',
    run: (context) => refusedCreate(context, [401], { unsigned: true }),
  },
  {
    id: 'unsigned-get',
    section: 'Messages; Errors',
    title: 'A GET without a signature is refused ("every request, GET included")',
    run: async (context) =>
      expectRefusal(
        await call(context, {
          method: 'GET',
          path: referralPath(`conformance-${randomUUID()}`),
          tamper: { unsigned: true },
        }),
        [401],
      ),
  },
  {
    id: 'unknown-key',
    section: 'Parties and identity; Errors',
    title: 'A create signed with a key no pinned peer owns is refused',
    run: (context) => refusedCreate(context, [401], { key: context.stranger }),
  },
  {
    id: 'stale-created',
    section: 'Messages; Errors',
    title: 'A signature created 6 minutes ago is refused (limit 5)',
    run: (context) => refusedCreate(context, [401], { createdOffsetSeconds: -SKEW_SECONDS }),
  },
  {
    id: 'future-created',
    section: 'Messages; Errors',
    title: 'A signature created 6 minutes ahead is refused (limit 5)',
    run: (context) => refusedCreate(context, [401], { createdOffsetSeconds: SKEW_SECONDS }),
  },
  {
    id: 'changed-body',
    section: 'Messages; Errors',
    title: 'A body changed after signing (Content-Digest no longer matches) is refused',
    async run(context) {
      const signed = createMessage(context);
      const changed = signed.replace(
        'Conformance kit: a test referral',
        'Conformance kit: a changed referral',
      );
      return expectRefusal(
        await call(context, {
          method: 'POST',
          path: REFERRALS_PATH,
          body: signed,
          tamper: { bodySent: changed },
        }),
        [401],
      );
    },
  },
  {
    id: 'digest-algorithm',
    section: 'Messages; Errors',
    title: 'A Content-Digest without sha-256 (sha-512 only, correctly signed) is refused as malformed',
    async run(context) {
      const body = createMessage(context);
      const sha512 = `sha-512=:${createHash('sha512').update(body).digest('base64')}:`;
      return expectRefusal(
        await call(context, {
          method: 'POST',
          path: REFERRALS_PATH,
          body,
          tamper: { contentDigest: sha512 },
        }),
        [400],
      );
    },
  },
  {
    id: 'wrong-target',
    section: 'Messages; Errors',
    title: 'A signature over another @target-uri is refused',
    run: (context) => refusedCreate(context, [401], { signedPath: `${REFERRALS_PATH}-elsewhere` }),
  },
  {
    id: 'uncovered-body',
    section: 'Messages; Errors',
    title:
      'A create whose signature covers only "@method" "@target-uri" (not its digest and idempotency key) is refused',
    run: (context) => refusedCreate(context, [401], { components: ['@method', '@target-uri'] }),
  },
  {
    id: 'create',
    section: 'Messages',
    title: 'A signed create from a pinned peer answers 202 with a receipt',
    async run(context) {
      const body = createMessage(context);
      const idempotencyKey = randomUUID();
      const response = await call(context, { method: 'POST', path: REFERRALS_PATH, body, idempotencyKey });
      const outcome = expectAnswer(response, '202 {"receipt": "…", "status": "received"}', isReceipt);
      const pass = outcome.pass && response.status === 202;
      if (pass && isReceipt(response.json)) {
        const { id } = JSON.parse(body) as { id: string };
        context.referral = { id, receipt: response.json.receipt, body, idempotencyKey };
      }
      return { ...outcome, pass };
    },
  },
  {
    id: 'create-retry',
    section: 'Messages',
    title: 'The same idempotency key and body again (fresh signature) answers the same receipt',
    async run(context) {
      const referral = created(context);
      const response = await call(context, {
        method: 'POST',
        path: REFERRALS_PATH,
        body: referral.body,
        idempotencyKey: referral.idempotencyKey,
      });
      return {
        pass:
          response.status === 202 && isReceipt(response.json) && response.json.receipt === referral.receipt,
        expected: `202 with receipt "${referral.receipt}"`,
        got: describeResponse(response),
      };
    },
  },
  {
    id: 'create-conflict',
    section: 'Messages; Errors',
    title: 'The same idempotency key with another body answers 409',
    async run(context) {
      const referral = created(context);
      const response = await call(context, {
        method: 'POST',
        path: REFERRALS_PATH,
        body: createMessage(context),
        idempotencyKey: referral.idempotencyKey,
      });
      return expectRefusal(response, [409]);
    },
  },
  {
    id: 'replayed-nonce',
    section: 'Messages; Errors',
    title: 'The very same signed request twice (a replay: same created and nonce) is refused the second time',
    async run(context) {
      const prepared = prepareRequest(context.baseUrl, context.kit.key, {
        method: 'POST',
        path: REFERRALS_PATH,
        body: createMessage(context),
        idempotencyKey: randomUUID(),
      });
      const first = await sendRequest(prepared);
      if (first.status !== 202) {
        return { pass: false, expected: 'the first sending: 202', got: describeResponse(first) };
      }
      const replay = await sendRequest(prepared);
      // Not part of the check: the kit leaves no referral of its own open at the node.
      const { id } = JSON.parse(prepared.body as string) as { id: string };
      await postEvent(context, id, event('cancelled', { reason: 'Conformance kit: done' }));
      return expectRefusal(replay, [401]);
    },
  },
  {
    id: 'malformed-create',
    section: 'Messages; Errors',
    title: 'A create without its summary answers 400 naming the field',
    async run(context) {
      const message = JSON.parse(createMessage(context)) as Record<string, unknown>;
      delete message.summary;
      const response = await call(context, {
        method: 'POST',
        path: REFERRALS_PATH,
        body: JSON.stringify(message),
      });
      return expectRefusal(response, [400], { naming: 'summary' });
    },
  },
  {
    id: 'unknown-organisation',
    section: 'Errors',
    title: 'A create to an organisation the node does not serve is refused',
    async run(context) {
      const node = context.node?.nodeId;
      if (!node) throw new NotRun('no well-known document');
      const to = `conformance-no-such-org-${randomUUID().slice(0, 8)}@${node}`;
      return expectRefusal(
        await call(context, { method: 'POST', path: REFERRALS_PATH, body: createMessage(context, { to }) }),
        [403],
      );
    },
  },
  {
    id: 'foreign-from',
    section: 'Parties and identity; Errors',
    title: 'A create whose "from" names another node than the signing key\'s is refused',
    run: async (context) =>
      expectRefusal(
        await call(context, {
          method: 'POST',
          path: REFERRALS_PATH,
          body: createMessage(context, {
            from: `${context.kit.address.split('@')[0]}@conformance-other-node`,
          }),
        }),
        [403],
      ),
  },
  {
    id: 'body-limit',
    section: 'Errors',
    title: 'A body over 1 MiB is refused with 413',
    async run(context) {
      const details = 'x'.repeat(1024 * 1024);
      return expectRefusal(
        await call(context, {
          method: 'POST',
          path: REFERRALS_PATH,
          body: createMessage(context, { details }),
        }),
        [413],
      );
    },
  },
  {
    id: 'view',
    section: 'Messages',
    title: "GET the referral answers the receiver's view: its status (received) and its events",
    async run(context) {
      const { response, status, events } = await view(context, created(context).id);
      return {
        pass: response.status === 200 && status === 'received' && events !== undefined,
        expected: '200 {"status": "received", "events": [...]}',
        got: describeResponse(response),
      };
    },
  },
  {
    id: 'created-within-window',
    section: 'Messages',
    title: "A signature created 4 minutes ago (inside the 5) is accepted: a peer's clock may be that far off",
    async run(context) {
      const response = await call(context, {
        method: 'GET',
        path: referralPath(created(context).id),
        tamper: { createdOffsetSeconds: -4 * 60 },
      });
      return { pass: response.status === 200, expected: '200', got: describeResponse(response) };
    },
  },
  {
    id: 'view-unknown',
    section: 'Messages; Errors',
    title: 'GET a referral the kit never sent answers 404',
    run: async (context) =>
      expectRefusal(
        await call(context, { method: 'GET', path: referralPath(`conformance-${randomUUID()}`) }),
        [404],
      ),
  },
  {
    id: 'attachment-unknown',
    section: 'Messages; Errors',
    title: 'GET an attachment the referral does not have answers 404',
    run: async (context) =>
      expectRefusal(
        await call(context, {
          method: 'GET',
          path: referralAttachmentPath(
            created(context).id,
            createHash('sha256').update(randomUUID()).digest('hex'),
          ),
        }),
        [404],
      ),
  },
  {
    id: 'note',
    section: 'Messages',
    title: 'The sender posts a note (its text in "reason"): accepted, the state unchanged',
    async run(context) {
      const { id } = created(context);
      const response = await postEvent(context, id, event('note', { reason: 'Conformance kit: a note' }));
      const after = await view(context, id);
      return {
        pass: response.status >= 200 && response.status < 300 && after.status === 'received',
        expected: '2xx, then the view still "received"',
        got: `${describeResponse(response)}; view: ${String(after.status)}`,
      };
    },
  },
  {
    id: 'receiver-event-from-sender',
    section: 'States',
    title: 'The sender posting a receiver\'s event ("accepted") is refused',
    async run(context) {
      const { id } = created(context);
      return expectRefusal(await postEvent(context, id, event('accepted')), [403, 404, 409]);
    },
  },
  {
    id: 'cancel-without-reason',
    section: 'States; Errors',
    title: '"cancelled" without a reason answers 400 naming it',
    run: async (context) =>
      expectRefusal(await postEvent(context, created(context).id, event('cancelled')), [400], {
        naming: 'reason',
      }),
  },
  {
    id: 'cancel',
    section: 'States',
    title: 'The sender cancels (received → cancelled): accepted, the view says cancelled',
    async run(context) {
      const { id } = created(context);
      const cancel = {
        idempotencyKey: randomUUID(),
        body: event('cancelled', { reason: 'Conformance kit: done' }),
      };
      const response = await postEvent(context, id, cancel.body, cancel.idempotencyKey);
      if (response.status >= 200 && response.status < 300) context.cancel = cancel;
      const after = await view(context, id);
      return {
        pass: response.status >= 200 && response.status < 300 && after.status === 'cancelled',
        expected: '2xx, then the view "cancelled"',
        got: `${describeResponse(response)}; view: ${String(after.status)}`,
      };
    },
  },
  {
    id: 'cancel-retry',
    section: 'Messages',
    title: 'The cancellation again with its idempotency key (fresh signature) is applied once',
    async run(context) {
      const { id } = created(context);
      if (!context.cancel) throw new NotRun('the referral was not cancelled (see "cancel")');
      const response = await postEvent(context, id, context.cancel.body, context.cancel.idempotencyKey);
      const after = await view(context, id);
      const cancellations = after.events?.filter((e) => e.type === 'cancelled').length;
      return {
        pass: response.status >= 200 && response.status < 300 && cancellations === 1,
        expected: '2xx, and one "cancelled" event in the view',
        got: `${describeResponse(response)}; "cancelled" events: ${String(cancellations)}`,
      };
    },
  },
  {
    id: 'cancel-again',
    section: 'States; Errors',
    title: 'Another cancellation (cancelled → cancelled) answers 409 with the current state',
    async run(context) {
      const { id } = created(context);
      const response = await postEvent(context, id, event('cancelled', { reason: 'Conformance kit: again' }));
      const outcome = expectRefusal(response, [409], { naming: 'cancelled' });
      return { ...outcome, expected: `${outcome.expected} (the current state)` };
    },
  },
  {
    id: 'event-unknown-referral',
    section: 'Messages; Errors',
    title: 'An event for a referral the kit never sent answers 404',
    run: async (context) =>
      expectRefusal(
        await postEvent(context, `conformance-${randomUUID()}`, event('cancelled', { reason: 'none' })),
        [404],
      ),
  },
];
