import { and, asc, gt, isNotNull, isNull, schema, type TenantTx } from '@linju/db';
import { auditEntryHash, entryFieldsOf, GENESIS_HASH } from './audit-entry-hash.ts';
import { auditKeysOf } from './audit-key.ts';
import { writerHeldKey } from './seal-audit-chain.ts';

/**
 * `unkeyed`: the chain's first entries up to this seq were written before it was keyed and hold by
 * plain SHA-256 only: anyone with the database could have rewritten those consistently.
 * `unsealed`: entries written and not chained yet (the sealer chains each soon after its commit),
 * each vouched for by its writer's MAC. `forged`: an unsealed entry whose MAC does not hold, written
 * without the key; `brokenAt` is then its place in the log (`id`), as it has no seq.
 */
export type AuditChainReport =
  | { ok: true; entries: number; unkeyed: number; unsealed: number }
  | {
      ok: false;
      entries: number;
      unkeyed: number;
      unsealed: number;
      brokenAt: number;
      reason: 'edited' | 'missing' | 'relinked' | 'forged';
    };

type Broken = Extract<AuditChainReport, { ok: false }>;

const PAGE = 1000;

/**
 * Walks the tenant's chain in order, recomputing every hash with the tenant's audit key (the
 * unkeyed prefix without); reports the first entry that does not hold. An entry written by anyone
 * without the key, the app role by SQL or the database's owner, is `edited`. Then counts the
 * entries not sealed yet, checking each one's MAC.
 */
export async function verifyAuditChain(tx: TenantTx): Promise<AuditChainReport> {
  const [prefix] = await tx.select().from(schema.auditUnkeyedPrefix);
  const unkeyed = prefix?.lastSeq ?? 0;
  const chain = await sealedEntries(tx, unkeyed);
  if ('reason' in chain) return { ok: false, unkeyed, unsealed: 0, ...chain };
  const unsealed = await unsealedEntries(tx);
  if ('reason' in unsealed) return { ok: false, unkeyed, entries: chain.entries, ...unsealed };
  return { ok: true, unkeyed, entries: chain.entries, unsealed: unsealed.unsealed };
}

async function sealedEntries(
  tx: TenantTx,
  unkeyedThrough: number,
): Promise<{ entries: number } | Pick<Broken, 'entries' | 'brokenAt' | 'reason'>> {
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(and(isNotNull(schema.auditEntry.seq), gt(schema.auditEntry.seq, count)))
      .orderBy(asc(schema.auditEntry.seq))
      .limit(PAGE);
    for (const row of rows) {
      const expectedSeq = count + 1;
      if (row.seq !== expectedSeq) return { entries: count, brokenAt: expectedSeq, reason: 'missing' };
      if (row.prevHash !== prevHash) return { entries: count, brokenAt: expectedSeq, reason: 'relinked' };
      const fields = { ...entryFieldsOf(row), seq: expectedSeq };
      const keys = expectedSeq <= unkeyedThrough ? [null] : auditKeysOf(row.tenantId);
      const { hash } = row;
      if (!hash || !keys.some((key) => auditEntryHash(prevHash, fields, key) === hash))
        return { entries: count, brokenAt: expectedSeq, reason: 'edited' };
      prevHash = hash;
      count += 1;
    }
    if (rows.length < PAGE) break;
  }
  // The chain must end where the head says: entries cut from the end leave the head ahead.
  const [head] = await tx.select().from(schema.auditHead);
  if (head && (head.seq !== count || head.hash !== prevHash))
    return { entries: count, brokenAt: count + 1, reason: 'missing' };
  return { entries: count };
}

/** The entries not sealed yet, counted, each one's MAC checked. */
async function unsealedEntries(
  tx: TenantTx,
): Promise<{ unsealed: number } | Pick<Broken, 'unsealed' | 'brokenAt' | 'reason'>> {
  let after = 0;
  let unsealed = 0;
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(and(isNull(schema.auditEntry.seq), gt(schema.auditEntry.id, after)))
      .orderBy(asc(schema.auditEntry.id))
      .limit(PAGE);
    for (const row of rows) {
      after = row.id;
      unsealed += 1;
      if (!writerHeldKey(row)) return { unsealed, brokenAt: row.id, reason: 'forged' };
    }
    if (rows.length < PAGE) return { unsealed };
  }
}
