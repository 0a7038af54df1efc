import { type SQL, sql, type TenantTx } from '@linju/db';
import { type PluginDb, PluginRuleError, pluginRoleOf, type SqlStatement } from '@linju/plugin-sdk';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit, pluginAuditWords } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';

// drizzle spreads an array into a list of parameters (for `in (…)`); a plugin's array is one
// parameter, a PostgreSQL array (`= any(${ids}::uuid[])`).
const parameter = (value: unknown): SQL => (Array.isArray(value) ? sql`${sql.param(value)}` : sql`${value}`);

const toSql = (statement: SqlStatement): SQL =>
  sql.join(
    statement.strings.flatMap((text, index) =>
      index < statement.values.length ? [sql.raw(text), parameter(statement.values[index])] : [sql.raw(text)],
    ),
    sql.raw(''),
  );

/**
 * The data handle a plugin gets, inside the request's tenant transaction. Each statement runs as
 * the plugin's own role (`SET LOCAL ROLE`), which RLS binds to the tenant and which holds rights
 * on the plugin's tables only; the role is reset after it, so the platform's own statements in
 * the same transaction (the audit entry) run as the application role again.
 */
export function pluginDb(tx: TenantTx, actor: Actor, pluginId: string): PluginDb {
  const role = pluginRoleOf(pluginId);
  return {
    tenantId: actor.tenantId,
    async query<Row extends Record<string, unknown>>(statement: SqlStatement) {
      await tx.execute(sql.raw(`SET LOCAL ROLE ${role}`));
      const rows = await tx.execute(toSql(statement));
      await tx.execute(sql.raw('RESET ROLE'));
      // The plugin names the columns it selects; the rows are what PostgreSQL returned for them.
      return [...rows] as Row[];
    },
    async audit(entry) {
      // A plugin writes its own actions only; it cannot pass off an entry as the platform's.
      await appendAudit(tx, { ...auditActor(actor), ...pluginAuditWords(pluginId, entry) });
    },
  };
}

/** Runs a plugin's operation, answering a rule it refuses with like a domain error of the platform. */
export async function runPluginRule<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof PluginRuleError) {
      throw new DomainError(error.kind, error.message, error.field ? { field: error.field } : {});
    }
    throw error;
  }
}
