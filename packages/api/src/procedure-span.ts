import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Asked for at each span, not once at import: a tracer taken before `startTracing` registered the
 * provider (from another copy of the API module, ESM beside CJS) would stay a no-op.
 */
const tracer = () => trace.getTracer('@linju/api');

type Outcome = { ok: true } | { ok: false; error: { code: string } };

/**
 * A span around one procedure call, named by the procedure (`intake.create`), never its input; its
 * database transactions and workflow starts become its children. Made only inside a recorded trace
 * (the HTTP request's): with tracing off, the call runs as it is.
 */
export function procedureSpan<R extends Outcome>(
  procedure: string,
  type: string,
  call: () => Promise<R>,
): Promise<R> {
  if (!trace.getActiveSpan()?.isRecording()) return call();
  return tracer().startActiveSpan(
    `trpc ${procedure}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: { 'rpc.system': 'trpc', 'rpc.method': procedure, 'trpc.type': type },
    },
    async (span) => {
      try {
        const result = await call();
        span.setAttribute('trpc.outcome', result.ok ? 'ok' : result.error.code);
        if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: result.error.code });
        return result;
      } finally {
        span.end();
      }
    },
  );
}
