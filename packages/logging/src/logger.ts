import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream } from 'pino';

/**
 * Fields that carry secrets or a person's data, as they are named across the code base: never
 * written, at the top of a line or one level down (`{ input: { phone } }`), whoever logs them.
 */
const REDACTED_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'temporaryPassword',
  'token',
  'sessionToken',
  'cookie',
  'authorization',
  'phone',
  'idNumber',
  'residentName',
  'description',
  'address',
];

/** The same fields anywhere one level down, and a `name` only there (the top-level one is the logger's). */
export const LOG_REDACT_PATHS = [...REDACTED_FIELDS, ...[...REDACTED_FIELDS, 'name'].map((f) => `*.${f}`)];

/**
 * The trace a line belongs to, so a log line leads to its trace and back. Empty when tracing is off
 * (no span is ever active then) or the span came from nowhere valid.
 */
export function activeTrace(): { traceId?: string; spanId?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { traceId: context.traceId, spanId: context.spanId } : {};
}

/** One JSON line per event, with the process name; requests add their id (and tenant where known). */
export const createLogger = (
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
) =>
  pino(
    {
      name,
      level,
      base: { process: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
      mixin: activeTrace,
    },
    destination,
  );
