import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KitIdentity, loadKitIdentity } from '../src/kit-identity.ts';
import { runConformance } from '../src/run-conformance.ts';
import { startMinimalNode } from './minimal-node.ts';

/**
 * The kit the other way round: against a second implementation written from the spec alone
 * (./minimal-node.ts, no code shared with packages/federation), so the kit's checks are the spec's
 * and not Linju's; and against a deliberately broken variant, so the kit is seen to fail.
 */
const keyDir = mkdtempSync(join(tmpdir(), 'conformance-kit-'));
let kit: KitIdentity;

beforeAll(async () => {
  kit = await loadKitIdentity({ keyDir, publicUrl: 'http://localhost:4999' });
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

describe('the conformance kit against a second implementation of the spec', () => {
  it('passes every check', async () => {
    const node = await startMinimalNode([kit.wellKnown]);
    try {
      const results = await runConformance({ baseUrl: node.baseUrl, kit });
      expect(results.filter((r) => !r.pass)).toEqual([]);
    } finally {
      await node.close();
    }
  });

  it('fails exactly the replay check against a node that accepts a replayed nonce', async () => {
    const node = await startMinimalNode([kit.wellKnown], { acceptReplayedNonce: true });
    try {
      const results = await runConformance({ baseUrl: node.baseUrl, kit });
      const failed = results.filter((r) => !r.pass);
      expect(failed.map((r) => r.id)).toEqual(['replayed-nonce']);
      expect(failed[0]?.got).toMatch(/^202 /);
    } finally {
      await node.close();
    }
  });
});
