import { describe, expect, it } from 'vitest';
import { matchTotpCode, newTotpSecret, totpCodeFor, totpStepAt } from './totp.ts';

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-12-06T09:00:10Z');
  const now = totpStepAt(at);

  it('are matched to their time step: the current one and one either side', () => {
    for (const step of [now - 1, now, now + 1])
      expect(matchTotpCode(secret, totpCodeFor(secret, step), at)).toBe(step);
  });

  it('are refused outside that window, and when not six digits', () => {
    expect(matchTotpCode(secret, totpCodeFor(secret, now - 2), at)).toBeNull();
    expect(matchTotpCode(secret, totpCodeFor(secret, now + 2), at)).toBeNull();
    expect(matchTotpCode(secret, '12345', at)).toBeNull();
    expect(matchTotpCode(secret, '１２３４５６', at)).toBeNull();
  });
});
