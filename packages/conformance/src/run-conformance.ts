import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { type CheckResult, runChecks } from './check.ts';
import type { KitIdentity } from './kit-identity.ts';
import { startKitListener } from './kit-listener.ts';
import { receiverChecks } from './receiver-checks.ts';
import { type SenderContext, senderChecks } from './sender-checks.ts';

/** What a run needs. */
export type ConformanceOptions = {
  /** The base URL of the node under test (its well-known `baseUrl`). */
  readonly baseUrl: string;
  /** The kit's identity, pinned by the node under test. */
  readonly kit: KitIdentity;
  /** The organisation to address; the first the node lists when not given. */
  readonly orgId?: string;
  /**
   * Where the kit listens as a node, for the checks of the node as a sender (its creates, every
   * state transition, the outcome's document); without it only the receiving side is checked.
   */
  readonly listen?: { readonly host: string; readonly port: number };
  /** How long the kit waits for the node's referrals and fetches (default 5 minutes). */
  readonly waitMs?: number;
  /** Called when the kit waits for the node to send its referrals. */
  readonly onWaiting?: () => void | Promise<void>;
  /** Called with each result as it comes, for a live table. */
  readonly onResult?: (result: CheckResult) => void;
};

/** Runs every check against the node under test, in order; the run passed if every result did. */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const context: SenderContext = {
    baseUrl: options.baseUrl,
    kit: options.kit,
    stranger: { kid: `conformance-stranger-${randomUUID()}`, privateKey },
    ...(options.orgId === undefined ? {} : { orgId: options.orgId }),
  };
  // Listening from the start: the node under test may fetch the kit's document at any time.
  const listener =
    options.listen &&
    (await startKitListener({
      kit: options.kit,
      ...options.listen,
      nodeKeys: () => context.node?.publicKeys ?? [],
    }));
  try {
    const results = await runChecks(senderChecks, context, options.onResult);
    if (!listener) return results;
    const receiving = await runChecks(
      receiverChecks,
      {
        baseUrl: options.baseUrl,
        kit: options.kit,
        listener,
        waitMs: options.waitMs ?? 5 * 60_000,
        ...(options.onWaiting ? { onWaiting: options.onWaiting } : {}),
        ...(context.node ? { nodeId: context.node.nodeId } : {}),
        stranger: context.stranger,
      },
      options.onResult,
    );
    return [...results, ...receiving];
  } finally {
    await listener?.close();
  }
}
