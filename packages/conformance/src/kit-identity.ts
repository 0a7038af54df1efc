import {
  loadOrCreateNodeKey,
  type NodeKey,
  type WellKnownDocument,
  wellKnownDocument,
} from '@linju/federation';

/** The kit's node id unless told otherwise: what the node under test pins and allows. */
export const DEFAULT_KIT_NODE_ID = 'linju-conformance';

/** The one organisation the kit serves: the sender of its referrals and the receiver of the node's. */
export const KIT_ORG_ID = 'conformance-court';

/** Who the kit is in the exchange: its key and the well-known document the node under test pins. */
export type KitIdentity = {
  readonly nodeId: string;
  readonly key: NodeKey;
  readonly wellKnown: WellKnownDocument;
  /** `conformance-court@<nodeId>`: the `from` of the kit's referrals, the `to` of the node's. */
  readonly address: string;
};

/**
 * The kit's identity: its Ed25519 key in `<keyDir>/node-key.json` (made on first use, kept so the
 * node under test pins it once) and its well-known document at `publicUrl`, where the kit listens.
 */
export async function loadKitIdentity(options: {
  keyDir: string;
  publicUrl: string;
  nodeId?: string;
}): Promise<KitIdentity> {
  const key = await loadOrCreateNodeKey(options.keyDir);
  const nodeId = options.nodeId ?? DEFAULT_KIT_NODE_ID;
  const wellKnown = wellKnownDocument({
    nodeId,
    name: 'Linju conformance kit',
    baseUrl: options.publicUrl,
    publicKeys: [key.publicJwk],
    organisations: [
      { orgId: KIT_ORG_ID, names: { 'zh-CN': '一致性测试法院', en: 'Conformance court' }, kind: 'court' },
    ],
  });
  return { nodeId, key, wellKnown, address: `${KIT_ORG_ID}@${nodeId}` };
}
