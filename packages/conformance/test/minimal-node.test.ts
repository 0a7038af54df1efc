import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KitIdentity, loadKitIdentity } from '../src/kit-identity.ts';
import { REFERRALS_TO_RECEIVE } from '../src/receiver-checks.ts';
import { runConformance } from '../src/run-conformance.ts';
import { type Defects, startMinimalNode } from './minimal-node.ts';

/**
 * The kit the other way round: against a second implementation written from the spec alone
 * (./minimal-node.ts, no code shared with packages/federation), so the kit's checks are the spec's
 * and not Linju's; and against deliberately broken variants, so the kit is seen to fail exactly
 * where the implementation is wrong.
 */
const keyDir = mkdtempSync(join(tmpdir(), 'conformance-kit-'));
let kit: KitIdentity;
let kitPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  kitPort = await freePort();
  kit = await loadKitIdentity({ keyDir, publicUrl: `http://127.0.0.1:${kitPort}` });
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

/** Every check, with the kit listening and the node sending it the referrals it asks for. */
async function failedChecks(defects: Defects = {}, waitMs = 10_000) {
  const node = await startMinimalNode([kit.wellKnown], defects);
  try {
    const results = await runConformance({
      baseUrl: node.baseUrl,
      kit,
      listen: { host: '127.0.0.1', port: kitPort },
      waitMs,
      onWaiting: async () => {
        for (let n = 0; n < REFERRALS_TO_RECEIVE; n++) await node.sendReferral(kit.address);
      },
    });
    expect(results.map((r) => r.id)).toContain('outcome-document-fetched');
    return results.filter((r) => !r.pass);
  } finally {
    await node.close();
  }
}

describe('the conformance kit against a second implementation of the spec', () => {
  it('passes every check, receiving and sending', async () => {
    expect(await failedChecks()).toEqual([]);
  });

  it('fails exactly the replay check against a node that accepts a replayed nonce', async () => {
    const failed = await failedChecks({ acceptReplayedNonce: true });
    expect(failed.map((r) => r.id)).toEqual(['replayed-nonce']);
    expect(failed[0]?.got).toMatch(/^202 /);
  });

  it('fails the sending side of a node that signs with a key it does not publish, saying why', async () => {
    const failed = await failedChecks({ signWithUnpublishedKey: true }, 1000);
    expect(failed[0]?.id).toBe('creates-arrive');
    expect(failed[0]?.got).toMatch(/^0 arrived; refused: signature: bad-signature/);
    // Everything after it needs a referral that arrived: not run, and so not passed.
    expect(failed.slice(1).every((r) => r.got.startsWith('not run:'))).toBe(true);
  });

  it('fails exactly the invalid moves against a node that takes any state transition', async () => {
    const failed = await failedChecks({ ignoreTransitions: true });
    expect(failed.map((r) => r.id)).toEqual([
      'in-progress-before-accepted',
      'completed-before-accepted',
      'accept-again',
      'fail-after-completed',
      'accept-after-rejected',
      'in-progress-after-failed',
    ]);
  });
});
