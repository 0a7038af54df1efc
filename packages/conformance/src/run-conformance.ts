import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { type CheckResult, runChecks } from './check.ts';
import type { KitIdentity } from './kit-identity.ts';
import { type SenderContext, senderChecks } from './sender-checks.ts';

/** What a run needs. */
export type ConformanceOptions = {
  /** The base URL of the node under test (its well-known `baseUrl`). */
  readonly baseUrl: string;
  /** The kit's identity, pinned by the node under test. */
  readonly kit: KitIdentity;
  /** The organisation to address; the first the node lists when not given. */
  readonly orgId?: string;
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
  return runChecks(senderChecks, context, options.onResult);
}
