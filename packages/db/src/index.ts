export {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  notLike,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
export * from './app-role.ts';
export * from './backup/index.ts';
export * from './client.ts';
export * from './database-prepare.ts';
export * from './deployment-mode.ts';
export * from './embedded.ts';
export * from './errors.ts';
export * from './migrate.ts';
export * from './notifications.ts';
export * from './plugin-migrations.ts';
export * from './pool-guard.ts';
export * from './postgres-client.ts';
export * from './roles.ts';
export * as schema from './schema/index.ts';
export * from './sealed-columns.ts';
export * from './secret-setting.ts';
