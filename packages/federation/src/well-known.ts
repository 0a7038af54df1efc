import { z } from 'zod';
import { urlSafeIdSchema } from './address.ts';
import { type Ed25519PublicJwk, ed25519PublicJwkSchema } from './node-key.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A node's base URL: https, or http on a loopback host for local development and tests. */
const baseUrlSchema = z
  .url({ protocol: /^https?$/ })
  .refine((text) => {
    const url = new URL(text);
    return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
  }, 'must use https (http only on a loopback host)')
  .refine((text) => {
    const url = new URL(text);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'must not carry credentials, a query or a fragment');

/** An organisation a node serves, as listed in its well-known document. */
export const federatedOrganisationSchema = z.object({
  orgId: urlSafeIdSchema,
  names: z.object({ 'zh-CN': z.string().min(1).max(200), en: z.string().min(1).max(200).optional() }),
  kind: z.enum(['district-bureau', 'court', 'federation', 'department']),
  /**
   * A district bureau's administrative division code (GB/T 2260, six digits): pinned with the
   * peer, it is what the peer may report city statistics for. An addition to version 1, optional.
   */
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/**
 * The document at `GET /.well-known/linju-node`. Parse a peer's document with this schema before
 * pinning anything from it; unknown members are ignored so that later protocol versions can add some.
 */
export const wellKnownDocumentSchema = z
  .object({
    nodeId: urlSafeIdSchema,
    name: z.string().min(1).max(200),
    baseUrl: baseUrlSchema,
    publicKeys: z.array(ed25519PublicJwkSchema).min(1).max(10),
    organisations: z.array(federatedOrganisationSchema).max(10_000),
  })
  .superRefine((document, ctx) => {
    const kids = new Set<string>();
    document.publicKeys.forEach((key, index) => {
      if (kids.has(key.kid))
        ctx.addIssue({ code: 'custom', path: ['publicKeys', index, 'kid'], message: 'is listed twice' });
      kids.add(key.kid);
    });
    const orgIds = new Set<string>();
    document.organisations.forEach((organisation, index) => {
      if (orgIds.has(organisation.orgId)) {
        ctx.addIssue({ code: 'custom', path: ['organisations', index, 'orgId'], message: 'is listed twice' });
      }
      orgIds.add(organisation.orgId);
    });
  });

/** A node's well-known document. */
export type WellKnownDocument = z.infer<typeof wellKnownDocumentSchema>;

/** An organisation in a well-known document. */
export type FederatedOrganisation = z.infer<typeof federatedOrganisationSchema>;

/** What {@link wellKnownDocument} is built from. */
export interface WellKnownInput {
  readonly nodeId: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly publicKeys: readonly Ed25519PublicJwk[];
  readonly organisations: readonly FederatedOrganisation[];
}

/**
 * Builds this node's well-known document, validated by the same schema peers parse it with, so a
 * misconfigured node fails at start-up rather than at its peers. Throws a `ZodError` if invalid.
 */
export function wellKnownDocument(input: WellKnownInput): WellKnownDocument {
  return wellKnownDocumentSchema.parse(input);
}

/**
 * A node's id when none is configured (`LINJU_NODE_ID`): its public URL's host and port made
 * URL-safe (`localhost-3000`). The server and the worker both derive it, so they agree.
 */
export const defaultNodeId = (publicUrl: string): string =>
  new URL(publicUrl).host.replace(/[^A-Za-z0-9._-]/g, '-');
