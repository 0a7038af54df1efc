/** Letters and digits people cannot confuse when reading a password aloud or off a screen (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** Fills a byte array with random bytes; `crypto.getRandomValues` in production, fixed bytes in tests. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const secureRandom: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** The server's rule (packages/auth passwordStrongEnough): 10+ characters of at least three classes. */
export function meetsPasswordRule(password: string): boolean {
  if (password.length < 10 || password.length > 200) return false;
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length >= 3;
}

/**
 * A temporary password an administrator hands over in person, e.g. `Kp7r-Xw4m-Tn9q`: three groups
 * of four unambiguous characters joined by dashes (about 70 bits). The person must change it at
 * first sign-in. Drawn uniformly (bytes that would bias the alphabet are skipped) and drawn again
 * in the rare case it lacks the character classes the server requires.
 */
export function generateTemporaryPassword(random: RandomBytes = secureRandom): string {
  const limit = 256 - (256 % ALPHABET.length);
  for (;;) {
    const characters: string[] = [];
    while (characters.length < GROUPS * GROUP_LENGTH) {
      for (const byte of random(new Uint8Array(32))) {
        if (byte < limit && characters.length < GROUPS * GROUP_LENGTH) {
          characters.push(ALPHABET[byte % ALPHABET.length] ?? '');
        }
      }
    }
    const groups = Array.from({ length: GROUPS }, (_, i) =>
      characters.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
    );
    const password = groups.join('-');
    // The dash is one class; a password of one other class only would fail the server's rule.
    if (meetsPasswordRule(password)) return password;
  }
}
