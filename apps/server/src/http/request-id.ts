import { randomUUID } from 'node:crypto';

/** What a proxy's request id may look like to be kept: short, and nothing a log or audit reader could mistake. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request's id: the one a proxy in front sent (`x-request-id`), when it is a plain token, or a
 * new one. It lands in every log line and audit entry, so anything else is not carried over.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
