export * from './database-catalog.ts';
export * from './database-snapshot.ts';
export * from './erase-tenant-rows.ts';
export * from './restore-into-empty-database.ts';
export * from './tenant-rows.ts';
