import { describe, expect, it } from 'vitest';
import {
  dummyPasswordHash,
  hashPassword,
  passwordMatches,
  passwordStrongEnough,
  verifyPassword,
} from './password.ts';

// `$argon2id$v=19$m=…,t=…,p=…$`: the parameters that decide how long a verification takes.
const costOf = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('passwords', () => {
  it('are stored as argon2id and verified against the hash', async () => {
    const hash = await hashPassword('Correct-horse-9');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Correct-horse-9')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('spend the same argon2 work on an account that does not exist, and never let it in', async () => {
    const real = await hashPassword('Correct-horse-9');
    expect(costOf(await dummyPasswordHash())).toBe(costOf(real));
    expect(await passwordMatches(real, 'Correct-horse-9')).toBe(true);
    expect(await passwordMatches(real, 'wrong')).toBe(false);
    expect(await passwordMatches(null, 'linju-no-such-account')).toBe(false);
    expect(await passwordMatches(null, 'Correct-horse-9')).toBe(false);
  });

  it.each([
    ['short', false],
    ['alllowercaseletters', false],
    ['LowercaseAndUpper', false],
    ['Mixed-case-1', true],
    ['长密码Abc123!', true],
  ])('judges %s strong enough: %s', (password, expected) => {
    expect(passwordStrongEnough(password)).toBe(expected);
  });
});
