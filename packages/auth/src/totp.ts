import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateTOTP, verifyTOTPWithGracePeriod } from '@oslojs/otp';

const PERIOD = 30;
const DIGITS = 6;

/** A new TOTP key as base32 (what authenticator apps take when typed in). */
export const newTotpSecret = () => encodeBase32UpperCaseNoPadding(randomBytes(20));

export const totpUri = (issuer: string, account: string, secret: string) =>
  createTOTPKeyURI(issuer, account, decodeBase32IgnorePadding(secret), PERIOD, DIGITS);

/** The code an authenticator app shows now for the key: what tests and scripts sign in with. */
export const totpCodeNow = (secret: string) =>
  generateTOTP(decodeBase32IgnorePadding(secret), PERIOD, DIGITS);

/** Accepts the current code and the one before or after it, for clocks a little apart. */
export function verifyTotpCode(secret: string, code: string): boolean {
  if (!/^[0-9]{6}$/.test(code)) return false;
  return verifyTOTPWithGracePeriod(decodeBase32IgnorePadding(secret), PERIOD, DIGITS, code, PERIOD);
}
