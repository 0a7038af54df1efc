import { isFinalRefusal, retryAfterMs, type SignedFetchInput, signedFetch } from './signed-fetch.ts';

/**
 * How one attempt at a signed delivery ended, sorted as the spec's "Delivery" wants: kept (a 2xx,
 * with what the peer answered), refused for good (a final 4xx), or for the caller to retry later.
 */
export type SignedDelivery =
  | { outcome: 'delivered'; status: number; answer: Record<string, unknown> }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'retry'; status: number | null; message: string; retryAfterMs?: number };

/** What {@link deliverSigned} sends, and the peer's name for its messages (`nodeB`, `city@nodeB`). */
export type SignedDeliveryInput = SignedFetchInput & { readonly peer: string };

/** How much of a refusal's body its message keeps: enough to read the problem, never a whole page. */
const ANSWER_EXCERPT_CHARS = 500;

/** A 2xx is an answer whatever its body: a body that is not a JSON object is simply not known. */
function answerOf(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * One attempt at a message of the exchange (a referral's create or event, a district's
 * statistics): signed afresh by {@link signedFetch} (bounded answer, no redirects, public
 * addresses unless allowed), its answer sorted. Anything that kept the request from being
 * answered — unreachable, a redirect, a private address, an answer over the bound — is for a
 * retry, as are 5xx and 408/425/429 (with the peer's `Retry-After`); never throws.
 */
export async function deliverSigned(input: SignedDeliveryInput): Promise<SignedDelivery> {
  let response: Response;
  try {
    response = await signedFetch(input);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { outcome: 'retry', status: null, message: `${input.peer} unreachable: ${why}` };
  }
  const text = await response.text();
  if (response.ok) return { outcome: 'delivered', status: response.status, answer: answerOf(text) };
  const message = `${input.method} ${input.path} to ${input.peer} answered ${response.status}: ${text.slice(0, ANSWER_EXCERPT_CHARS)}`;
  if (isFinalRefusal(response.status)) return { outcome: 'refused', status: response.status, message };
  const after = retryAfterMs(response);
  return {
    outcome: 'retry',
    status: response.status,
    message,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
}
