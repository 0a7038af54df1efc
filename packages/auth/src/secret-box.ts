import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Encryption of personal data and secrets at rest (AES-256-GCM), and a keyed hash (HMAC-SHA-256)
 * that finds a value by exact match without decrypting every row. Both keys are derived (HKDF)
 * from one master key so that rotating means re-encrypting with one new key.
 */
export type SecretBox = {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** Deterministic, keyed: equal inputs give equal outputs; useless without the key. */
  blindIndex(value: string): string;
};

const VERSION = 'v1';

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) throw new Error('The data key must be 32 bytes (base64 of 32 random bytes).');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encryptionKey = derive('linju/personal-data/aes-256-gcm');
  const indexKey = derive('linju/personal-data/blind-index');
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || !body || !tag) throw new Error('Not a sealed value of this version.');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value).digest('base64url');
    },
  };
}

/**
 * The master key: `LINJU_DATA_KEY` (base64) when set, else a key file created on first start
 * (mode 0600). Losing the file loses the encrypted data: back it up with the database.
 */
export function loadDataKey(keyFile: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.LINJU_DATA_KEY) return Buffer.from(env.LINJU_DATA_KEY, 'base64');
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}
