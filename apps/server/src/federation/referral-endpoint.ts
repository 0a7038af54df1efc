import { createHash } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import {
  type DocumentStore,
  DomainError,
  findRoute,
  findTenantBySlug,
  markReferralWorkflowStartedSoon,
  messageApplied,
  peerMayAddress,
  peerMayStillAddress,
  type RouteDirection,
  readStoredAttachment,
  receiveReferral,
  receiverView,
  recordReferralEvent,
  splitLocalOrgId,
  takeInReferral,
} from '@linju/core';
import { and, eq, schema, withTenant } from '@linju/db';
import {
  IDEMPOTENCY_HEADER,
  parseAddress,
  REFERRALS_PATH,
  type ReferralEvent as ReferralEventMessage,
  referralCreateSchema,
  referralEventSchema,
} from '@linju/federation';
import type { ReferralActor, ReferralEventType } from '@linju/federation/referral-states';
import {
  applyReferralEvent,
  applyReferralNote,
  initialEffectKey,
  startReceivedReferralWorkflow,
  type WorkflowEngine,
} from '@linju/workflows';
import { problem } from '../rest/problem.ts';
import { malformedMessage, parseMessageBody } from './message-body.ts';
import { type SignedEndpointDeps, type SignedRoute, signedEndpoint } from './signed-endpoint.ts';

/** A 409 naming the referral's current state (spec, "States"). */
const conflict = (currentState: string, detail: string) =>
  Response.json(
    { type: 'about:blank', title: 'Conflict', status: 409, detail, currentState },
    { status: 409, headers: { 'content-type': 'application/problem+json' } },
  );

export type FederationDeps = SignedEndpointDeps & {
  box: SecretBox;
  /** Starts the receiving side's workflows and applies the other side's events to ours. */
  engine?: WorkflowEngine;
  /** Where the documents that go with referrals live (served to their receivers). */
  files?: DocumentStore;
};

/** Spec, "Errors": the sender may not address that organisation (see `linju peer allow`). */
const notAllowed = (caller: string, orgId: string) =>
  problem(403, 'Sender not allowed', `node ${caller} is not allowed to address "${orgId}" on this node`);

/** The same refusal on a referral the peer sent earlier to an organisation it may no longer address. */
const notAllowedAny = (caller: string) =>
  problem(
    403,
    'Sender not allowed',
    `node ${caller} is no longer allowed to address this referral's receiver`,
  );

/** The event message as the state machine's event, in the name of the side that sent it. */
function workflowEvent(message: ReferralEventMessage, party: ReferralActor['party'], messageKey: string) {
  return {
    type: message.type as ReferralEventType,
    by: { party, name: message.by.name, role: message.by.role, staffId: null },
    ...(message.reason === undefined ? {} : { reason: message.reason }),
    ...(message.outcome === undefined
      ? {}
      : {
          outcome: {
            code: message.outcome.code,
            text: message.outcome.text,
            // Named with the receiver's path: the sender's worker fetches each before recording.
            ...(message.outcome.documents?.length ? { documents: message.outcome.documents } : {}),
          },
        }),
    messageKey,
  };
}

/** Temporal update ids are bounded; a digest of the message key is as unique and always fits. */
const updateIdOf = (messageKey: string) => createHash('sha256').update(messageKey).digest('hex');

/** Which side of its referral an event's author is: the receiver reports progress, the sender cancels. */
const authorDirections = (type: ReferralEventMessage['type']): RouteDirection[] =>
  type === 'cancelled' ? ['incoming'] : type === 'note' ? ['outgoing', 'incoming'] : ['outgoing'];

/**
 * The referral exchange's endpoints (spec/referral-exchange.md, "Messages"), every request
 * signed by a pinned peer (or by this node itself, over loopback):
 * - `POST /federation/v1/referrals`: a create for a district (or one of its partner inboxes) of
 *   this node; answers 202 with the receipt, idempotently, and starts the receiving workflow.
 * - `POST /federation/v1/referrals/{id}/events`: a change from the other side, applied once to
 *   that referral's workflow (its log, the case timeline and the audit log follow).
 * - `GET /federation/v1/referrals/{id}`: the receiver's view, to the referral's sender.
 * - `GET /federation/v1/referrals/{id}/attachments/{sha256}`: a file, to the referral's other party
 *   (the documents sent with it to its receiver, those returned with the outcome to its sender).
 * A node acts only on referrals it sent or received: anything else is 404. A peer addresses only
 * the organisations an operator allowed it (`linju peer allow`): a create for another is 403, and
 * so are the events, view and files of a referral it sent once its receiver is no longer allowed.
 * This node itself (loopback) may address all of its own.
 */
export function referralCreateHandler(deps: FederationDeps) {
  const engine = (): WorkflowEngine => {
    if (!deps.engine) throw new Error('the federation endpoints need the Temporal client (deps.engine)');
    return deps.engine;
  };

  async function create(request: Request, body: Uint8Array, caller: string): Promise<Response> {
    const parsed = parseMessageBody(body, referralCreateSchema);
    if (!parsed.ok) return parsed.response;
    const message = parsed.value;
    const from = parseAddress(message.from);
    const to = parseAddress(message.to);
    if (from?.nodeId !== caller) {
      return problem(403, 'Sender not allowed', `"from" must be an organisation of node ${caller}`);
    }
    // Before anything about this node's tenants is looked at: a peer learns nothing of those it may not address.
    if (to?.nodeId === deps.nodeId && !(await peerMayAddress(deps.db, deps, caller, to.orgId))) {
      return notAllowed(caller, to.orgId);
    }
    const local = to?.nodeId === deps.nodeId ? splitLocalOrgId(to.orgId) : null;
    const tenant = local ? await findTenantBySlug(deps.db, local.slug) : null;
    if (tenant?.status !== 'active') {
      return problem(403, 'Sender not allowed', `"to" is not an organisation this node serves`);
    }
    const idempotencyKey = request.headers.get(IDEMPOTENCY_HEADER) ?? '';
    const notServed = new Error('not served');
    let outcome: {
      inbox: Awaited<ReturnType<typeof receiveReferral>>;
      row?: typeof schema.referral.$inferSelect;
    };
    try {
      outcome = await withTenant(deps.db, tenant.id, async (tx) => {
        const inbox = await receiveReferral(tx, deps.box, {
          tenantId: tenant.id,
          senderNode: caller,
          idempotencyKey,
          body,
          message,
        });
        if (inbox.kind !== 'received') return { inbox };
        const row = await takeInReferral(tx, deps.box, {
          tenantId: tenant.id,
          receipt: inbox.receipt,
          senderNode: caller,
          message,
          initialEffectKey: initialEffectKey(tenant.id)(inbox.receipt),
          recordFirst: (t, effect, created) => recordReferralEvent(t, effect, { created }),
        });
        // Nothing is kept for an organisation that takes no referrals: the transaction rolls back.
        if (!row) throw notServed;
        return { inbox, row };
      });
    } catch (error) {
      if (error === notServed) {
        return problem(403, 'Sender not allowed', `"to" is not an organisation that takes referrals`);
      }
      throw error;
    }
    if (outcome.inbox.kind === 'conflict') {
      return problem(409, 'Conflict', 'This idempotency key (or referral id) was used with another message');
    }
    // Started on every answer, not only the first: a crash between the commit and the start is
    // repaired by the sender's retry (a second start of the same workflow id is a no-op).
    const { row } = outcome;
    if (row) {
      await startReceivedReferralWorkflow(engine(), {
        tenantId: tenant.id,
        referralId: row.id,
        from: message.from,
        to: message.to,
        kind: row.kind,
        dueBy: row.dueBy.toISOString(),
      });
      // Started: the worker's reconciler need not look at it (it would only start it again, a no-op).
      if (row.workflowStartedAt === null) {
        await markReferralWorkflowStartedSoon(deps.db, tenant.id, row.id);
      }
    }
    return Response.json({ receipt: outcome.inbox.receipt, status: 'received' }, { status: 202 });
  }

  async function event(request: Request, body: Uint8Array, caller: string, ref: string): Promise<Response> {
    const parsed = parseMessageBody(body, referralEventSchema);
    if (!parsed.ok) return parsed.response;
    const message = parsed.value;
    const idempotencyKey = request.headers.get(IDEMPOTENCY_HEADER);
    if (!idempotencyKey) {
      return malformedMessage([{ field: IDEMPOTENCY_HEADER, message: 'is required' }]);
    }
    let route: Awaited<ReturnType<typeof findRoute>>;
    let direction: RouteDirection | undefined;
    for (const candidate of authorDirections(message.type)) {
      route = await findRoute(deps.db, caller, ref, candidate);
      if (route) {
        direction = candidate;
        break;
      }
    }
    if (!route || !direction)
      return problem(404, 'Unknown referral', `No referral ${ref} exchanged with ${caller}`);
    const { tenantId, referralId } = route;
    if (
      direction === 'incoming' &&
      !(await peerMayStillAddress(deps.db, deps, caller, { tenantId, referralRef: ref }))
    )
      return notAllowedAny(caller);
    const messageKey = `${caller} ${idempotencyKey}`;
    // The author is the other side: the receiver of our outgoing referral, the sender of an incoming one.
    const party: ReferralActor['party'] = direction === 'outgoing' ? 'receiver' : 'sender';

    const state = await withTenant(deps.db, tenantId, async (tx) => {
      const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, referralId));
      if (!row) return undefined;
      return { status: row.status, applied: await messageApplied(tx, referralId, messageKey) };
    });
    if (!state) return problem(404, 'Unknown referral', `No referral ${ref} exchanged with ${caller}`);
    if (state.applied) return Response.json({ status: state.status }, { status: 202 });

    const change = workflowEvent(message, party, messageKey);
    try {
      // A receiver's answer (or note) proves the create arrived, even if our record of its receipt
      // is still on its way: apply `received` first (once; refused harmlessly when already there).
      if (party === 'receiver' && state.status === 'requested') {
        await applyReferralEvent(
          engine(),
          tenantId,
          referralId,
          { type: 'received', by: { party, name: caller, role: 'node', staffId: null } },
          updateIdOf(`${messageKey}#received`),
        ).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
        });
      }
      // A note moves nothing; it is recorded through the workflow like an event, once per message.
      const snapshot =
        message.type === 'note'
          ? await applyReferralNote(
              engine(),
              tenantId,
              referralId,
              { by: change.by, text: message.reason ?? '', messageKey },
              updateIdOf(messageKey),
            )
          : await applyReferralEvent(engine(), tenantId, referralId, change, updateIdOf(messageKey));
      return Response.json({ status: snapshot.state }, { status: 202 });
    } catch (error) {
      if (error instanceof DomainError) {
        const current = String(error.params?.currentState ?? state.status);
        if (error.kind === 'forbidden')
          return problem(403, 'Sender not allowed', `${caller} may not report ${message.type}`);
        if (error.kind === 'bad-request')
          return malformedMessage([{ field: error.field ?? '(body)', message: error.message }]);
        return conflict(current, `Referral is ${current}: ${message.type} is not a valid move`);
      }
      // The workflow is closed: only a final state closes it, and nothing follows a final state.
      if (error instanceof Error && /already completed|not found/i.test(error.message)) {
        return conflict(state.status, `Referral is ${state.status}: it is final`);
      }
      throw error;
    }
  }

  async function view(caller: string, ref: string): Promise<Response> {
    const route = await findRoute(deps.db, caller, ref, 'incoming');
    if (
      route &&
      !(await peerMayStillAddress(deps.db, deps, caller, { tenantId: route.tenantId, referralRef: ref }))
    )
      return notAllowedAny(caller);
    const found = route
      ? await withTenant(deps.db, route.tenantId, (tx) => receiverView(tx, route.referralId))
      : undefined;
    if (!found) return problem(404, 'Unknown referral', `No referral ${ref} received from ${caller}`);
    return Response.json(found);
  }

  async function attachment(caller: string, ref: string, sha256: string): Promise<Response> {
    // Only the referral's other party gets its files (spec, symmetric): its receiver the documents
    // sent with it (our route of a referral sent to the caller), its sender the documents returned
    // with the outcome (our route of a referral the caller sent us). Over loopback both routes may
    // name the same node and id: each is asked for its own kind of document.
    const routes = (
      await Promise.all([
        findRoute(deps.db, caller, ref, 'outgoing').then((r) => r && { ...r, purpose: 'request' as const }),
        findRoute(deps.db, caller, ref, 'incoming').then((r) => r && { ...r, purpose: 'outcome' as const }),
      ])
    ).filter((r) => r !== undefined);
    if (routes.length === 0)
      return problem(404, 'Unknown referral', `No referral ${ref} exchanged with ${caller}`);
    for (const route of routes) {
      if (
        route.purpose === 'outcome' &&
        !(await peerMayStillAddress(deps.db, deps, caller, { tenantId: route.tenantId, referralRef: ref }))
      )
        return notAllowedAny(caller);
    }
    const unknown = () => problem(404, 'Unknown attachment', `Referral ${ref} has no attachment ${sha256}`);
    if (!/^[0-9a-f]{64}$/.test(sha256)) return unknown();
    if (!deps.files) throw new Error('the attachments endpoint needs the file store (deps.files)');
    const files = deps.files;
    let found: { row: typeof schema.referralAttachment.$inferSelect; bytes: Buffer } | undefined;
    for (const route of routes) {
      found = await withTenant(deps.db, route.tenantId, async (tx) => {
        const [row] = await tx
          .select()
          .from(schema.referralAttachment)
          .where(
            and(
              eq(schema.referralAttachment.referralId, route.referralId),
              eq(schema.referralAttachment.sha256, sha256),
              eq(schema.referralAttachment.purpose, route.purpose),
            ),
          );
        if (!row?.storageKey) return undefined;
        const bytes = await readStoredAttachment(tx, files, row, { id: null, name: caller });
        return { row, bytes };
      });
      if (found) break;
    }
    if (!found) return unknown();
    return new Response(new Uint8Array(found.bytes), {
      status: 200,
      headers: {
        'content-type': found.row.mediaType,
        'content-length': String(found.bytes.length),
        // RFC 9530, as on a message: the receiver checks it, and the hash the create named.
        'content-digest': `sha-256=:${createHash('sha256').update(found.bytes).digest('base64')}:`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  }

  /** The endpoint's four routes (spec, "Messages"); anything else under the prefix is 404. */
  function route(path: string): SignedRoute | undefined {
    if (path !== REFERRALS_PATH && !path.startsWith(`${REFERRALS_PATH}/`)) return undefined;
    let parts: string[];
    try {
      parts = path.slice(REFERRALS_PATH.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined; // not valid percent-encoding: no referral is named so
    }
    const [ref = '', sub, sha256 = '', extra] = parts;
    // A POST always comes with its body: the wall reads it before the handler runs.
    if (parts.length === 0)
      return { method: 'POST', handle: (r) => create(r.request, r.body as Uint8Array, r.caller.nodeId) };
    if (parts.length === 1) return { method: 'GET', handle: (r) => view(r.caller.nodeId, ref) };
    if (parts.length === 2 && sub === 'events')
      return {
        method: 'POST',
        handle: (r) => event(r.request, r.body as Uint8Array, r.caller.nodeId, ref),
      };
    if (parts.length === 3 && sub === 'attachments' && extra === undefined)
      return { method: 'GET', handle: (r) => attachment(r.caller.nodeId, ref, sha256) };
    return undefined;
  }

  return signedEndpoint(deps, route);
}
