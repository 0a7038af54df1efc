import type { SignedDelivery } from '@linju/federation';
import { ApplicationFailure } from '@temporalio/client';

/** The failure types of one kind of delivery: the workflow stops on `refused`, Temporal retries `unavailable`. */
export type DeliveryFailureTypes = { refused: string; unavailable: string };

/**
 * A delivery that was not kept, as its activity's failure: a final refusal fails for good (its
 * status in the details), anything else is retried by Temporal with back-off, after the peer's
 * `Retry-After` when it sent one.
 */
export function deliveryFailure(
  delivery: Exclude<SignedDelivery, { outcome: 'delivered' }>,
  types: DeliveryFailureTypes,
): ApplicationFailure {
  if (delivery.outcome === 'refused')
    return ApplicationFailure.nonRetryable(delivery.message, types.refused, { status: delivery.status });
  return ApplicationFailure.create({
    message: delivery.message,
    type: types.unavailable,
    ...(delivery.retryAfterMs === undefined ? {} : { nextRetryDelay: delivery.retryAfterMs }),
  });
}
