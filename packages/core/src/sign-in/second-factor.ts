import { claimAttempt, clearFailures, matchTotpCode } from '@linju/auth';
import type { Queryable } from '@linju/db';
import { DomainError } from '../errors.ts';

export type TotpAttempt = {
  /** `totp:<tenant>:<staff member>` or `totp:operator:<operator>`: guesses count per person. */
  throttleKey: string;
  /** The person's TOTP key (decrypted). */
  secret: string;
  /** The time step of the last code accepted for the person; a code must be of a later one. */
  lastUsedStep: number | null;
  code: string;
  at: Date;
};

/**
 * One guess at a person's TOTP code, for staff and platform operators alike: the code's time step
 * (for the caller to store as the last used), or the refusal as a value. The refusal is returned,
 * not thrown, because the failure it counted is written in `tx` and must commit: the caller ends
 * the transaction, then throws it. The caller holds the person's row `FOR UPDATE`, so guesses sent
 * at once are weighed one after another against the count (and one connection each suffices).
 */
export async function acceptTotpCode(tx: Queryable, attempt: TotpAttempt): Promise<number | DomainError> {
  // Counted before it is judged (a right code clears the count): only five guesses of a quarter
  // hour are ever weighed.
  const wait = await claimAttempt(tx, 'second-factor', attempt.throttleKey, attempt.at);
  if (wait > 0) return new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  const step = matchTotpCode(attempt.secret, attempt.code, attempt.at);
  if (step === null) return new DomainError('unauthorized', 'auth.totp_invalid', { field: 'code' });
  // A replay counts as a guess: whoever sends a seen code is trying their luck.
  if (attempt.lastUsedStep !== null && step <= attempt.lastUsedStep) {
    return new DomainError('unauthorized', 'auth.totp_used', { field: 'code' });
  }
  await clearFailures(tx, attempt.throttleKey);
  return step;
}
