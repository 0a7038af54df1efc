import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createPayloadCodec } from './payload-codec.ts';

const input = { tenantId: 't', reason: '张三的房屋纠纷' };
const payload = () => defaultPayloadConverter.toPayload(input);
const visible = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('the payload codec', () => {
  const [current, retired] = [randomBytes(32), randomBytes(32)];

  it('encrypts a payload so nothing of it shows, and decodes it back', async () => {
    const codec = createPayloadCodec({ current, retired: [] });
    const [encoded] = await codec.encode([payload()]);
    expect(visible(encoded?.data)).not.toContain('张三');
    expect(visible(encoded?.metadata?.encoding)).toBe('binary/encrypted');
    const [decoded] = await codec.decode(encoded ? [encoded] : []);
    expect(defaultPayloadConverter.fromPayload(decoded as never)).toEqual(input);
  });

  it('passes payloads it did not encode through (histories recorded before it)', async () => {
    const plain = payload();
    expect(await createPayloadCodec({ current, retired: [] }).decode([plain])).toEqual([plain]);
  });

  it('opens what a retired key encrypted, and refuses a key it does not hold', async () => {
    const [old] = await createPayloadCodec({ current: retired, retired: [] }).encode([payload()]);
    const rotated = createPayloadCodec({ current, retired: [retired] });
    const [decoded] = await rotated.decode(old ? [old] : []);
    expect(defaultPayloadConverter.fromPayload(decoded as never)).toEqual(input);
    await expect(createPayloadCodec({ current, retired: [] }).decode(old ? [old] : [])).rejects.toThrow(
      /not in the key ring/,
    );
  });

  it('refuses a tampered payload', async () => {
    const [encoded] = await createPayloadCodec({ current, retired: [] }).encode([payload()]);
    const data = Buffer.from(encoded?.data ?? []);
    data[20] = (data[20] ?? 0) ^ 1;
    await expect(
      createPayloadCodec({ current, retired: [] }).decode([{ ...encoded, data }]),
    ).rejects.toThrow();
  });
});
