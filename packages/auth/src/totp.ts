import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

const PERIOD_SECONDS = 30;
const DIGITS = 6;

/** A new TOTP key as base32 (what authenticator apps take when typed in). */
export const newTotpSecret = () => encodeBase32UpperCaseNoPadding(randomBytes(20));

export const totpUri = (issuer: string, account: string, secret: string) =>
  createTOTPKeyURI(issuer, account, decodeBase32IgnorePadding(secret), PERIOD_SECONDS, DIGITS);

/** The 30-second time step of RFC 6238 that `at` falls in. */
export const totpStepAt = (at: Date) => Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);

/** The code of `secret` for the time step `step` (what an authenticator app shows then). */
export const totpCodeFor = (secret: string, step: number) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), DIGITS);

/**
 * The time step whose code `code` is — the current one or one either side, for clocks a little
 * apart — or null. The step is what the caller remembers so that a code is accepted only once.
 */
export function matchTotpCode(secret: string, code: string, at: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const now = totpStepAt(at);
  const given = Buffer.from(code);
  for (const step of [now - 1, now, now + 1]) {
    if (timingSafeEqual(Buffer.from(totpCodeFor(secret, step)), given)) return step;
  }
  return null;
}
