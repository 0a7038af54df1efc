import { ZStatisticsMessageV1, ZStatisticsMessageV2 } from '@linju/core';
import {
  EXCHANGE_ROUTES,
  referralCreateSchema,
  referralEventSchema,
  referralReceiptSchema,
  referralViewSchema,
  wellKnownDocumentSchema,
} from '@linju/federation';
import { z } from 'zod';
import { MAX_MESSAGE_BYTES } from './signed-endpoint.ts';

/** A message schema as OpenAPI 3.1 (JSON Schema 2020-12), from the zod schema the endpoint parses with. */
export function jsonSchema(schema: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The refusals every signed endpoint may answer (spec, "Errors"). */
const refusals = {
  '401': problem('Bad or missing signature, unknown or unpinned key, stale `created`, replayed nonce'),
  '429': {
    ...problem('Rate limited: too many requests from this node (or failed signatures from this address)'),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const idempotencyKey = {
  name: 'Linju-Idempotency-Key',
  in: 'header',
  required: true,
  description: 'The same on every retry of one message; a retry is otherwise a new signed request.',
  schema: { type: 'string', maxLength: 200 },
};

const referralId = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The sender's id of the referral (a referral is named by its sender's node and this id)",
  schema: { type: 'string', pattern: '^[A-Za-z0-9._~-]+$', maxLength: 128 },
};

const signed = [{ httpMessageSignature: [] }];

/**
 * The referral exchange (spec/referral-exchange.md) in the OpenAPI document: the well-known node
 * document and the signed `/federation/v1` endpoints — the referrals' and the districts' monthly
 * statistics for their city. They live at the origin's root, not under `/api/v1`, so each path
 * names its own server.
 */
export function federationOpenApi(serverUrl: string) {
  const servers = [{ url: serverUrl, description: 'The node itself (the exchange is not under /api/v1)' }];
  return {
    paths: {
      [EXCHANGE_ROUTES.wellKnown]: {
        servers,
        get: {
          operationId: 'getNodeDocument',
          // Public: peers fetch it to pin the node's keys.
          security: [],
          tags: ['federation'],
          summary:
            "This node's identity: node id, name, base URL, Ed25519 public keys (JWK) and organisations",
          responses: {
            '200': {
              description: 'The node document peers pin',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/NodeDocument' } } },
            },
          },
        },
      },
      [EXCHANGE_ROUTES.referrals]: {
        servers,
        post: {
          operationId: 'createReferral',
          tags: ['federation'],
          summary: 'A referral for an organisation this node serves (sender → receiver)',
          description: `The body is at most ${MAX_MESSAGE_BYTES} bytes and carries \`Content-Digest\` (RFC 9530), covered by the signature. The same idempotency key and body answer the same receipt.`,
          security: signed,
          parameters: [idempotencyKey],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralCreate' } } },
          },
          responses: {
            '202': {
              description: 'Received',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralReceipt' } } },
            },
            '400': problem('Malformed: `errors` names each field'),
            '403': problem(
              'The sender may not address that organisation (not on the operator’s allow-list for the calling node), or it is not served here',
            ),
            '409': problem('The idempotency key was used with another body'),
            '413': problem(`Body over ${MAX_MESSAGE_BYTES} bytes`),
            ...refusals,
          },
        },
      },
      [EXCHANGE_ROUTES.referral]: {
        servers,
        get: {
          operationId: 'getReferralView',
          tags: ['federation'],
          summary: "The receiver's current view of a referral (status and events), to its sender",
          security: signed,
          parameters: [referralId],
          responses: {
            '200': {
              description: 'Status and event list',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralView' } } },
            },
            '403': problem('The calling node may no longer address the referral’s receiver'),
            '404': problem('No such referral received from the calling node'),
            ...refusals,
          },
        },
      },
      [EXCHANGE_ROUTES.referralEvents]: {
        servers,
        post: {
          operationId: 'postReferralEvent',
          tags: ['federation'],
          summary:
            'A change from the other side: the receiver reports accepted/rejected/in-progress/note/completed/failed, the sender cancelled/note',
          description:
            "Applied once per idempotency key. `rejected`, `failed` and `cancelled` need a `reason`; `completed` needs an `outcome`; a `failed` may carry one too. Documents an outcome names (`outcome.documents`, on `completed` or `failed`) are fetched from the sending node's attachments path.",
          security: signed,
          parameters: [referralId, idempotencyKey],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReferralEvent' } } },
          },
          responses: {
            '202': {
              description: 'Applied (or already applied): the current status',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['status'],
                    properties: { status: { type: 'string' } },
                  },
                },
              },
            },
            '400': problem('Malformed, or a reason or outcome missing'),
            '403': problem(
              'The calling side may not report this event, or may no longer address the referral’s receiver',
            ),
            '404': problem('No such referral exchanged with the calling node'),
            '409': {
              description: 'Not a valid move from the current state',
              content: {
                'application/problem+json': {
                  schema: {
                    allOf: [
                      { $ref: '#/components/schemas/Problem' },
                      { type: 'object', properties: { currentState: { type: 'string' } } },
                    ],
                  },
                },
              },
            },
            '413': problem(`Body over ${MAX_MESSAGE_BYTES} bytes`),
            ...refusals,
          },
        },
      },
      [EXCHANGE_ROUTES.statistics]: {
        servers,
        post: {
          operationId: 'postDistrictStatistics',
          tags: ['federation'],
          summary:
            "A district's monthly statistics for its city bureau (上报市局): counts only, no personal data",
          description: `Signed like every exchange request; the body is at most ${MAX_MESSAGE_BYTES} bytes. Version 2 names the city bureau tenant (\`to\`, \`<slug>@<nodeId>\` of this node) and the district's revision of the month; version 1 (older deployments) goes to this node's one bureau whose division code is the district's city (\`3101xx\` → \`310100\`). The city keeps the highest revision of each district and month: the same revision and body again answers the same receipt; a changed body under a revision already held, or a lower revision, is refused. Both versions are strict: any other field is refused.`,
          security: signed,
          parameters: [idempotencyKey],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/StatisticsMessageV2' },
                    { $ref: '#/components/schemas/StatisticsMessageV1' },
                  ],
                },
              },
            },
          },
          responses: {
            '202': {
              description: 'Stored (or the same revision received again unchanged)',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/StatisticsReceipt' } },
              },
            },
            '400': problem('Malformed: not version 1 or 2, or a field outside the strict shape'),
            '403': problem(
              'The addressed tenant is not served here, or is not the city bureau of the district, or the signing node does not serve the district (a peer only for the districts its pinned well-known document lists with their division code)',
            ),
            '409': problem(
              'A higher revision of the month is held, this revision came with other figures, or it is more than 100 past the one held',
            ),
            '413': problem(`Body over ${MAX_MESSAGE_BYTES} bytes`),
            ...refusals,
          },
        },
      },
      [EXCHANGE_ROUTES.referralAttachment]: {
        servers,
        get: {
          operationId: 'getReferralAttachment',
          tags: ['federation'],
          summary:
            'A document of a referral, answered only to its other party: the documents sent with it to its receiver, those returned with the outcome to its sender',
          description:
            'The body is the file; its SHA-256 is the path segment (and `Content-Digest`). The side that fetches checks both before keeping it.',
          security: signed,
          parameters: [
            referralId,
            {
              name: 'sha256',
              in: 'path',
              required: true,
              description: 'Lowercase hex SHA-256 of the file, as the create named it',
              schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            },
          ],
          responses: {
            '200': {
              description: 'The file, with its media type',
              headers: {
                'Content-Digest': {
                  description: 'sha-256 of the body (RFC 9530)',
                  schema: { type: 'string' },
                },
              },
              content: {
                '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
              },
            },
            '403': problem('The calling node may no longer address the referral’s receiver'),
            '404': problem('No such referral exchanged with the calling node, or no such attachment'),
            ...refusals,
          },
        },
      },
    },
    schemas: {
      NodeDocument: jsonSchema(wellKnownDocumentSchema),
      ReferralCreate: jsonSchema(referralCreateSchema),
      ReferralReceipt: jsonSchema(referralReceiptSchema),
      ReferralEvent: jsonSchema(referralEventSchema),
      ReferralView: jsonSchema(referralViewSchema),
      StatisticsMessageV1: jsonSchema(ZStatisticsMessageV1),
      StatisticsMessageV2: jsonSchema(ZStatisticsMessageV2),
      StatisticsReceipt: {
        type: 'object',
        required: ['status', 'divisionCode', 'month', 'revision'],
        properties: {
          status: { const: 'received' },
          divisionCode: { type: 'string', pattern: '^\\d{6}$' },
          month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
          revision: {
            type: 'integer',
            minimum: 0,
            description: 'The revision held; 0 for a version 1 message',
          },
        },
      },
    },
    securitySchemes: {
      httpMessageSignature: {
        type: 'apiKey',
        in: 'header',
        name: 'Signature',
        description:
          'HTTP Message Signatures (RFC 9421), Ed25519: `Signature-Input: sig1=("@method" "@target-uri" "content-digest" "linju-idempotency-key");created=<unix s>;nonce="<random>";keyid="<kid>";alg="ed25519"` (a GET covers only "@method" "@target-uri"). The key id names the calling node through the pinned peer directory; `created` within 5 minutes; a nonce is used once.',
      },
    },
  };
}
