import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { type DataKeyRing, deriveKey, identifiedKeys } from '@linju/auth/data-key-ring';
import {
  type DataConverter,
  METADATA_ENCODING_KEY,
  type Payload,
  type PayloadCodec,
} from '@temporalio/common';
import proto from '@temporalio/proto';

/** Temporal's encryption-codec convention: the encoding says "encrypted", the key id says by which key. */
// A CommonJS module: Node gives its exports as the default import only.
const { temporal } = proto;

const ENCODING = 'binary/encrypted';
const METADATA_KEY_ID = 'encryption-key-id';
// The AES-GCM associated data: a payload sealed here opens as nothing else sealed with a derived key.
const AAD = Buffer.from('linju/temporal-payload', 'utf8');
const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = (bytes: Uint8Array | null | undefined) =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/**
 * Encrypts every payload Temporal stores (workflow inputs, results, updates, activity arguments,
 * histories) with AES-256-GCM under a key derived from the data key (its own HKDF label), named by
 * the data key's id so retired keys still open what they sealed. It runs where payloads leave or
 * enter a process (clients, the worker's main thread), never inside the workflow sandbox.
 * Payloads without its encoding (histories recorded before it) pass through as they are.
 */
export function createPayloadCodec(ring: DataKeyRing): PayloadCodec {
  const keys = identifiedKeys(ring).map(({ id, key }) => ({
    id,
    // A key object: node:crypto checks a Buffer key's type by throwing, per payload.
    key: createSecretKey(deriveKey(key, 'linju/temporal-payloads/aes-256-gcm')),
  }));
  const [current] = keys;
  if (!current) throw new Error('The key ring has no current key.');
  return {
    async encode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', current.key, iv);
        cipher.setAAD(AAD);
        const plain = temporal.api.common.v1.Payload.encode(payload).finish();
        const body = Buffer.concat([cipher.update(plain), cipher.final()]);
        return {
          metadata: {
            [METADATA_ENCODING_KEY]: Buffer.from(ENCODING),
            [METADATA_KEY_ID]: Buffer.from(current.id),
          },
          data: Buffer.concat([iv, body, cipher.getAuthTag()]),
        };
      });
    },
    async decode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCODING) return payload;
        const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
        const key = keys.find((k) => k.id === keyId);
        if (!key)
          throw new Error(`Payload encrypted with key ${keyId ?? '(none)'}, which is not in the key ring.`);
        const data = Buffer.from(payload.data ?? new Uint8Array());
        const decipher = createDecipheriv('aes-256-gcm', key.key, data.subarray(0, IV_BYTES));
        decipher.setAAD(AAD);
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return temporal.api.common.v1.Payload.decode(plain);
      });
    },
  };
}

/** Every Temporal client, worker and replayer of Linju takes this: one codec, keyed by the data key ring. */
export const linjuDataConverter = (ring: DataKeyRing): DataConverter => ({
  payloadCodecs: [createPayloadCodec(ring)],
});
