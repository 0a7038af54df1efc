export { and, asc, desc, eq, gt, gte, inArray, isNull, like, lt, lte, ne, or, sql } from 'drizzle-orm';
export * from './client.ts';
export * from './embedded.ts';
export * from './errors.ts';
export * from './migrate.ts';
export * from './roles.ts';
export * as schema from './schema/index.ts';
