import type { Queryable } from '@linju/db';
import {
  keyFingerprint,
  PeerRequestRefused,
  peerRequest,
  WELL_KNOWN_PATH,
  type WellKnownDocument,
  wellKnownDocumentSchema,
} from '@linju/federation';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { PeerChangeBy } from './peer-audit.ts';
import { type Peer, pinPeer } from './peer-directory.ts';

/** The address an operator types for a peer: its base URL, http(s) only. */
export const ZPeerUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, message: 'federation.peer_url_invalid' }));

/** Where to find a peer and whether it may be on a private network: the operator's choice, each time. */
export const ZPeerLocation = z.object({ url: ZPeerUrl, allowPrivateNetwork: z.boolean().default(false) });

/**
 * What was shown to the operator and what a pin must still find: the node and its keys'
 * fingerprints. A pin whose fetched document differs (a key changed in between) is refused.
 */
export const ZPeerPinRequest = ZPeerLocation.extend({
  nodeId: z.string().min(1).max(200),
  // Compared as bare hex: `3a5f 09c1`, `3A5F:09C1` and `3a5f09c1` are the same fingerprint.
  fingerprints: z
    .array(
      z
        .string()
        .max(200)
        .transform((f) => f.replace(/[\s:]/g, '').toLowerCase()),
    )
    .min(1)
    .max(10),
});

/** A peer's document as the operator checks it before pinning. */
export type PeerPreview = {
  nodeId: string;
  name: string;
  baseUrl: string;
  keys: { kid: string; fingerprint: string }[];
  organisations: { orgId: string; name: string }[];
};

const fingerprintsOf = (document: WellKnownDocument) =>
  document.publicKeys.map((key) => ({ kid: key.kid, fingerprint: keyFingerprint(key) }));

/**
 * Fetches `<url>/.well-known/linju-node` through the exchange's one way out ({@link peerRequest}:
 * no redirects, a private address only when allowed, bounded) and checks it: a document that
 * names another base URL than the one asked is refused, so a page cannot pin a node elsewhere.
 */
export async function fetchPeerDocument(location: z.input<typeof ZPeerLocation>): Promise<WellKnownDocument> {
  const { url, allowPrivateNetwork } = ZPeerLocation.parse(location);
  const target = new URL(WELL_KNOWN_PATH, url).toString();
  let response: Response;
  try {
    response = await peerRequest({
      url: target,
      method: 'GET',
      headers: { accept: 'application/json' },
      allowPrivateNetwork,
    });
  } catch (error) {
    if (error instanceof PeerRequestRefused && error.reason === 'private-address')
      throw new DomainError('bad-request', 'federation.peer_private_network', { field: 'url' });
    throw new DomainError('bad-request', 'federation.peer_unreachable', { field: 'url' });
  }
  if (response.status !== 200)
    throw new DomainError('bad-request', 'federation.peer_unreachable', { field: 'url' });
  const parsed = wellKnownDocumentSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new DomainError('bad-request', 'federation.peer_document_invalid', { field: 'url' });
  if (new URL(parsed.data.baseUrl).origin !== new URL(url).origin)
    throw new DomainError('bad-request', 'federation.peer_base_url_mismatch', {
      field: 'url',
      params: { baseUrl: parsed.data.baseUrl },
    });
  return parsed.data;
}

/** The peer at `url` as the operator confirms it: node, name, each key's fingerprint, organisations. */
export async function previewPeer(location: z.input<typeof ZPeerLocation>): Promise<PeerPreview> {
  const document = await fetchPeerDocument(location);
  return {
    nodeId: document.nodeId,
    name: document.name,
    baseUrl: document.baseUrl,
    keys: fingerprintsOf(document),
    organisations: document.organisations.map((o) => ({ orgId: o.orgId, name: o.names['zh-CN'] })),
  };
}

/**
 * Pins the peer at `url` as previewed: fetched again, and refused unless it is still the node and
 * the keys the operator confirmed (same fingerprints, no more, no fewer).
 */
export async function pinPeerFromUrl(
  db: Queryable,
  by: PeerChangeBy,
  request: z.input<typeof ZPeerPinRequest>,
): Promise<Peer> {
  const confirmed = ZPeerPinRequest.parse(request);
  const document = await fetchPeerDocument(confirmed);
  const now = fingerprintsOf(document)
    .map((k) => k.fingerprint.replaceAll(' ', ''))
    .sort();
  const shown = [...new Set(confirmed.fingerprints)].sort();
  if (document.nodeId !== confirmed.nodeId || now.join('\n') !== shown.join('\n'))
    throw new DomainError('conflict', 'federation.peer_changed_since_preview', { field: 'url' });
  return pinPeer(db, document, { allowPrivateNetwork: confirmed.allowPrivateNetwork, by });
}
