import { createPrivateKey, createPublicKey } from 'node:crypto';

/**
 * The Ed25519 test key of RFC 9421 Appendix B.1.4 ("test-key-ed25519"), used by the tests so that
 * fixed vectors can be checked against the RFC. Never a production key.
 */
export const RFC9421_TEST_KEY = createPrivateKey(
  [
    '-----BEGIN PRIVATE KEY-----',
    'MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF',
    '-----END PRIVATE KEY-----',
  ].join('\n'),
);

/** The public half of {@link RFC9421_TEST_KEY}. */
export const RFC9421_TEST_PUBLIC_KEY = createPublicKey(RFC9421_TEST_KEY);
