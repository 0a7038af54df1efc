import { type Context, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Sql, TransactionSql } from 'postgres';

/**
 * Asked for at each span, not once at import: a tracer taken before `startTracing` registered the
 * provider (from another copy of the API module, ESM beside CJS) would stay a no-op.
 */
const tracer = () => trace.getTracer('@linju/db');

/** Long statements (a bulk insert's many placeholders) are cut: the shape is what a trace needs. */
const STATEMENT_CHARS = 1000;

/** Spans only inside a trace being recorded: none for untraced work, and none at all with tracing off. */
const recording = () => trace.getActiveSpan()?.isRecording() === true;

/**
 * The statement's text as sent, with `$n` placeholders — never its parameters, which hold residents'
 * names and phone numbers. An error's status names its SQLSTATE only: PostgreSQL's messages quote
 * values ("Key (phone)=(…) already exists").
 */
function startQuerySpan(statement: string): Span {
  const text = statement.trim();
  return tracer().startSpan(`pg ${text.split(/\s/, 1)[0]?.toLowerCase() ?? 'query'}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'postgresql', 'db.query.text': text.slice(0, STATEMENT_CHARS) },
  });
}

function endWith(span: Span, error?: unknown) {
  if (error !== undefined) {
    const code = (error as { code?: unknown }).code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
  }
  span.end();
}

type Pending = PromiseLike<unknown> & { then: Promise<unknown>['then'] };

/**
 * A span from the query's creation until it settles. The query is lazy — it is sent when first
 * awaited, after its caller chose a result format (`.values()`) — so its own `then` is wrapped
 * rather than awaited here.
 */
export function traceQuery<Q extends object>(query: Q, statement: string): Q {
  if (!recording()) return query;
  const span = startQuerySpan(statement);
  const pending = query as unknown as Pending;
  const then = pending.then;
  let open = true;
  const settle = (error?: unknown) => {
    if (open) endWith(span, error);
    open = false;
  };
  // biome-ignore lint/suspicious/noThenProperty: the query is already a thenable; its own then is wrapped
  pending.then = function (this: unknown, onFulfilled, onRejected) {
    return then.call(
      this,
      (value) => {
        settle();
        return onFulfilled ? onFulfilled(value) : value;
      },
      (error: unknown) => {
        settle(error);
        if (onRejected) return onRejected(error);
        throw error;
      },
    ) as never;
  } as Promise<unknown>['then'];
  return query;
}

/** A tagged template's text: its literal parts around `$n` placeholders. */
export const templateText = (strings: TemplateStringsArray) =>
  strings.reduce((text, part, i) => (i === 0 ? part : `${text}$${i}${part}`), '');

const isTemplate = (first: unknown): first is TemplateStringsArray =>
  Array.isArray((first as { raw?: unknown })?.raw);

/**
 * A transaction's `sql` whose queries (tagged templates, `unsafe`, those of its savepoints) each get a
 * span: drizzle sends a transaction's statements through it, not through the pool.
 */
export function traceTransactionQueries<T extends TransactionSql>(tx: T): T {
  if (!recording()) return tx;
  return new Proxy(tx, {
    apply(target, self, args: unknown[]) {
      const query = Reflect.apply(target, self, args);
      return isTemplate(args[0]) ? traceQuery(query, templateText(args[0])) : query;
    },
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (...args: Parameters<Sql['unsafe']>) => traceQuery(target.unsafe(...args), args[0]);
      }
      if (property === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.at(-1) as (sp: TransactionSql) => unknown;
          const name = args.length > 1 ? [args[0]] : [];
          return (target.savepoint as (...a: unknown[]) => unknown)(...name, (sp: TransactionSql) =>
            fn(traceTransactionQueries(sp)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * A span around one transaction, made current for its body: the transaction's statements are its
 * children. `run` receives the context to run the body in (postgres.js calls the body from its
 * connection's queue, where the caller's context is no longer current). Without a recorded trace,
 * the caller's context is passed through and nothing is made.
 */
export async function traceTransaction<T>(run: (inside: Context) => Promise<T>): Promise<T> {
  if (!recording()) return run(context.active());
  const span = tracer().startSpan('pg transaction', {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'postgresql' },
  });
  try {
    const result = await run(trace.setSpan(context.active(), span));
    endWith(span);
    return result;
  } catch (error) {
    endWith(span, error);
    throw error;
  }
}
