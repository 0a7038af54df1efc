export * from './archive-frames.ts';
export * from './backup-manifest.ts';
export * from './restore-backup.ts';
export * from './sealed-archive.ts';
export * from './write-backup.ts';
