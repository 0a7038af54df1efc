import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, meetsPasswordRule } from './temporary-password.ts';

describe('generateTemporaryPassword', () => {
  it('makes three dash-joined groups of four unambiguous characters that pass the server’s rule', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/);
      expect(meetsPasswordRule(password)).toBe(true);
    }
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(500);
  });

  it('skips bytes that would bias the alphabet and draws again when a class is missing', () => {
    // First draw: only 'a' (byte 0) and biased bytes (255): lowercase and dashes only, so it is redrawn.
    // Second draw: cycles through the alphabet, which has every class.
    let call = 0;
    const random = (bytes: Uint8Array) => {
      call += 1;
      bytes.forEach((_, i) => {
        bytes[i] = call === 1 ? (i % 2 === 0 ? 0 : 255) : i * 7;
      });
      return bytes;
    };
    const password = generateTemporaryPassword(random);
    expect(call).toBeGreaterThan(1);
    expect(meetsPasswordRule(password)).toBe(true);
  });
});

describe('meetsPasswordRule', () => {
  it('follows the server: ten characters of three classes', () => {
    expect(meetsPasswordRule('Mixed-case-1')).toBe(true);
    expect(meetsPasswordRule('LowercaseAndUpper')).toBe(false);
    expect(meetsPasswordRule('Sh0rt-1')).toBe(false);
  });
});
