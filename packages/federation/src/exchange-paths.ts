/**
 * The exchange's paths (spec/referral-exchange.md), written once: the server routes by them, the
 * senders and the conformance kit address peers by them, and the OpenAPI document and metrics
 * labels are made from {@link EXCHANGE_ROUTES}.
 */

/** Where a node publishes its {@link WellKnownDocument}. */
export const WELL_KNOWN_PATH = '/.well-known/linju-node';

/** Every message of the exchange's version 1 goes under this prefix. */
export const FEDERATION_PREFIX = '/federation/v1';

/** `POST`: a referral's create, to its receiver's node. */
export const REFERRALS_PATH = `${FEDERATION_PREFIX}/referrals`;

/** `POST`: a district's monthly statistics, to its city's node. */
export const STATISTICS_PATH = `${FEDERATION_PREFIX}/statistics`;

/** Each route, its parameters named `{id}` and `{sha256}` as the spec and OpenAPI write them. */
export const EXCHANGE_ROUTES = {
  wellKnown: WELL_KNOWN_PATH,
  referrals: REFERRALS_PATH,
  referral: `${REFERRALS_PATH}/{id}`,
  referralEvents: `${REFERRALS_PATH}/{id}/events`,
  referralAttachment: `${REFERRALS_PATH}/{id}/attachments/{sha256}`,
  statistics: STATISTICS_PATH,
} as const;

/** `GET`: the receiver's view of the referral its sender names `id`. */
export const referralPath = (id: string): string =>
  EXCHANGE_ROUTES.referral.replace('{id}', encodeURIComponent(id));

/** `POST`: an event of the referral its sender names `id`, to the other side's node. */
export const referralEventsPath = (id: string): string =>
  EXCHANGE_ROUTES.referralEvents.replace('{id}', encodeURIComponent(id));

/** `GET`: a file of the referral its sender names `id`, from the node that holds it. */
export const referralAttachmentPath = (id: string, sha256: string): string =>
  EXCHANGE_ROUTES.referralAttachment.replace('{id}', encodeURIComponent(id)).replace('{sha256}', sha256);
