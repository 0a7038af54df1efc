import { z } from 'zod';

/** URL-safe identifiers (RFC 3986 unreserved characters) used for node ids, org ids and referral ids. */
export const URL_SAFE_ID = /^[A-Za-z0-9._~-]+$/;

/** A node id or organisation id: URL-safe, 1–100 characters. */
export const urlSafeIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(URL_SAFE_ID, 'must be URL-safe (A-Z a-z 0-9 . _ ~ -)');

/** An address `orgId@nodeId`: an organisation served by a node. */
export interface Address {
  readonly orgId: string;
  readonly nodeId: string;
}

/** Parses `orgId@nodeId`; `null` if it is not an address. */
export function parseAddress(text: string): Address | null {
  const at = text.indexOf('@');
  if (at < 0 || text.indexOf('@', at + 1) >= 0) return null;
  const orgId = text.slice(0, at);
  const nodeId = text.slice(at + 1);
  if (!urlSafeIdSchema.safeParse(orgId).success || !urlSafeIdSchema.safeParse(nodeId).success) return null;
  return { orgId, nodeId };
}

/** Formats an address as `orgId@nodeId`. */
export function formatAddress(address: Address): string {
  return `${address.orgId}@${address.nodeId}`;
}

/**
 * Validates an `orgId@nodeId` string: what {@link parseAddress} takes, as a pattern rather than a
 * refinement so the OpenAPI document generated from this schema states it too.
 */
export const addressSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{1,100}@[A-Za-z0-9._~-]{1,100}$/, 'must be orgId@nodeId');
