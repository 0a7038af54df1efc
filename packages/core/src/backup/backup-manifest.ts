import { z } from 'zod';

export const BACKUP_FORMAT = 'linju-backup/1';

export const ZSchemaVersion = z.object({ core: z.array(z.string()), plugins: z.array(z.string()) });

/** The archive's first frame: what made it, when, and at which schema. */
export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  nodeId: z.string(),
  schema: ZSchemaVersion,
});
export type BackupHeader = z.infer<typeof ZBackupHeader>;

export const ZBackupPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), name: z.string(), columns: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('document'), name: z.string() }),
  z.object({ kind: z.literal('checkpoint'), name: z.string().regex(/^[0-9a-f-]{36}\.jsonl$/) }),
]);
export type BackupPart = z.infer<typeof ZBackupPart>;

/** A part's end: its size, sha256 and (tables) row count. */
export const ZPartEnd = z.object({
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative().optional(),
});
export type PartEnd = z.infer<typeof ZPartEnd>;

/** The archive's last frame: every part in order, and where each sequence stood. */
export const ZBackupManifest = z.object({
  parts: z.array(z.object({ kind: z.string(), name: z.string() }).extend(ZPartEnd.shape)),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
});
export type BackupManifest = z.infer<typeof ZBackupManifest>;
