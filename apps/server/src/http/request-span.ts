import type { IncomingMessage } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Asked for at each span, not once at import: a tracer taken before `startTracing` registered the
 * provider (from another copy of the API module, ESM beside CJS) would stay a no-op.
 */
const tracer = () => trace.getTracer('@linju/server');

/**
 * Runs the request's handling inside its server span: everything it does (procedures, SQL, workflow
 * starts) joins the trace. A `traceparent` is continued only from a trusted proxy; anyone else's is
 * ignored, so a client can neither pick its trace id nor have every request sampled. Its name is
 * set once the route is known (`named`) — a pattern, never the path with its ids and tokens.
 */
export function withRequestSpan<T>(
  req: IncomingMessage,
  continueTrace: boolean,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = continueTrace ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
  const method = req.method ?? 'OTHER';
  return context.with(parent, () =>
    tracer().startActiveSpan(
      `${method}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
      async (span) => {
        try {
          return await handle(span);
        } finally {
          span.end();
        }
      },
    ),
  );
}

/** The answered request, on its span: the route pattern and the status. */
export function nameRequestSpan(span: Span, method: string | undefined, route: string, status: number) {
  span.updateName(`${method ?? 'OTHER'} ${route}`);
  span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
}
