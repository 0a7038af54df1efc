import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2ID);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Stands in for the hash of an account that does not exist: same algorithm, same cost.
const dummyHash = hashPassword('linju-no-such-account');

/**
 * Whether `password` is the one of `passwordHash`; with no account (null) always false, after the
 * same argon2 work against a stand-in hash, so the time taken does not tell who has an account.
 */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  const matches = await verifyPassword(passwordHash ?? (await dummyHash), password);
  return passwordHash !== null && matches;
}

/** The stand-in hash `passwordMatches` verifies against when there is no account. */
export const dummyPasswordHash = () => dummyHash;

/** A password staff can live with and attackers cannot guess cheaply: 10+ chars, 3 character classes. */
export function passwordStrongEnough(password: string): boolean {
  if (password.length < 10 || password.length > 200) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
