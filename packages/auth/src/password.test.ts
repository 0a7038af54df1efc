import { describe, expect, it } from 'vitest';
import { hashPassword, passwordStrongEnough, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('are stored as argon2id and verified against the hash', async () => {
    const hash = await hashPassword('Correct-horse-9');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Correct-horse-9')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
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
