/**
 * A parameterised SQL statement: the literal parts and the values between them. Values are sent
 * as bind parameters, never spliced into the text.
 */
export interface SqlStatement {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

const FRAGMENT = Symbol('linju.sql');

const isStatement = (value: unknown): value is SqlStatement =>
  typeof value === 'object' && value !== null && FRAGMENT in value;

/**
 * Writes a statement for {@link PluginDb.query}: `` sql`select … where id = ${id}` ``. A value that
 * is itself a `sql` statement is spliced in as SQL (for shared column lists), every other value
 * is a bind parameter.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlStatement {
  const texts: string[] = [strings[0] ?? ''];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    const after = strings[index + 1] ?? '';
    if (isStatement(value)) {
      texts[texts.length - 1] += value.strings[0] ?? '';
      value.values.forEach((inner, i) => {
        params.push(inner);
        texts.push(value.strings[i + 1] ?? '');
      });
      texts[texts.length - 1] += after;
    } else {
      params.push(value);
      texts.push(after);
    }
  });
  return { strings: texts, values: params, [FRAGMENT]: true } as SqlStatement;
}

/** An entry a plugin adds to the tenant's audit log, in the same transaction as its change. */
export interface PluginAuditEntry {
  /** `<plugin id>.<object>.<verb>`, e.g. `notary.booking.created`. */
  readonly action: string;
  /** What changed, e.g. `notary_booking`. */
  readonly objectType: string;
  readonly objectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * A plugin's only way to its data. The platform hands it out inside the request's tenant
 * transaction (`withTenant`): row-level security shows the tenant's rows only, and the statements
 * run as the plugin's own database role, which holds rights on the plugin's tables and nothing
 * else. Everything done through one `PluginDb` commits or rolls back with the request.
 */
export interface PluginDb {
  /** The tenant (district justice bureau) the transaction is bound to. */
  readonly tenantId: string;
  /** Runs one statement and returns its rows, column names as in SQL (snake_case unless aliased). */
  query<Row extends Record<string, unknown>>(statement: SqlStatement): Promise<Row[]>;
  /** Records an audit entry in the tenant's hash chain, naming the staff member acting. */
  audit(entry: PluginAuditEntry): Promise<void>;
}
