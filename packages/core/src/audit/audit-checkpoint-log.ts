import { sign, verify } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeKey } from '@linju/federation';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';

/**
 * A tenant's chain head as it stood when anchored: entry `seq` had hash `hash`, and the chain's
 * first `unkeyed` entries were the ones written before it was keyed (so that prefix cannot grow).
 */
export const ZAuditCheckpoint = z.object({
  tenantId: z.uuid(),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  unkeyed: z.number().int().nonnegative(),
  at: z.iso.datetime(),
});
export type AuditCheckpoint = z.infer<typeof ZAuditCheckpoint>;

const ZSignedLine = ZAuditCheckpoint.extend({ kid: z.string(), signature: z.string() });

/**
 * One line of the log as read back: `signed` false when it is not this node's signature, and
 * `checkpoint` null when the line is not a checkpoint of this tenant at all.
 */
export type ReadCheckpoint = { line: number; checkpoint: AuditCheckpoint | null; signed: boolean };

export type AuditCheckpointLog = {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** The tenant's checkpoints in the order written. */
  read(tenantId: string): Promise<ReadCheckpoint[]>;
};

/** Where checkpoints are kept: `LINJU_AUDIT_CHECKPOINT_DIR`, else `audit-checkpoints` in the data folder. */
export const auditCheckpointDir = (dataDir: string, env: NodeJS.ProcessEnv = process.env) =>
  env.LINJU_AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'audit-checkpoints');

/** One tenant's checkpoint file in the folder. */
export const auditCheckpointFile = (dir: string, tenantId: string) =>
  join(dir, `${z.uuid().parse(tenantId)}.jsonl`);

/** Signed bytes: a label so the node key's signature means nothing elsewhere (requests, messages). */
const signedBytes = (c: AuditCheckpoint) =>
  Buffer.from(`linju/audit-checkpoint/v1\n${canonicalJson(ZAuditCheckpoint.parse(c))}`);

/**
 * Checkpoints of the audit chains kept outside the database, one append-only file of JSON lines
 * per tenant, each signed with the node's Ed25519 key. Whoever rewrites the database, even with
 * the audit key, cannot make an anchored entry's hash match again; whoever edits the file cannot
 * sign for the node.
 */
export function createAuditCheckpointLog(dir: string, key: NodeKey): AuditCheckpointLog {
  const fileOf = (tenantId: string) => auditCheckpointFile(dir, tenantId);
  return {
    async append(checkpoint) {
      const signature = sign(null, signedBytes(checkpoint), key.privateKey).toString('base64url');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // O_APPEND: a line is added whole at the end, never rewritten.
      await appendFile(
        fileOf(checkpoint.tenantId),
        `${JSON.stringify({ ...checkpoint, kid: key.kid, signature })}\n`,
        { mode: 0o600, flag: 'a' },
      );
    },
    async read(tenantId) {
      const text = await readFile(fileOf(tenantId), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      return text
        .split('\n')
        .map((raw, index) => ({ raw, line: index + 1 }))
        .filter(({ raw }) => raw.trim() !== '')
        .map(({ raw, line }) => {
          const parsed = ZSignedLine.safeParse(parseJson(raw));
          if (!parsed.success || parsed.data.tenantId !== tenantId)
            return { line, checkpoint: null, signed: false };
          const { kid, signature, ...checkpoint } = parsed.data;
          const signed =
            kid === key.kid &&
            verify(null, signedBytes(checkpoint), key.publicKey, Buffer.from(signature, 'base64url'));
          return { line, checkpoint, signed };
        });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
