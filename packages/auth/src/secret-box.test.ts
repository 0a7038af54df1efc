import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadDataKey } from './secret-box.ts';

describe('the secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips, with a fresh nonce each time', () => {
    const a = box.encrypt('110101199003071234');
    const b = box.encrypt('110101199003071234');
    expect(a).not.toBe(b);
    expect(box.decrypt(a)).toBe('110101199003071234');
  });

  it('refuses a tampered value', () => {
    const sealed = box.encrypt('13800138000');
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${v}.${iv}.${body?.slice(0, -2)}AA.${tag}`;
    expect(() => box.decrypt(flipped)).toThrow();
  });

  it('gives equal blind indexes for equal values only, and differs per key', () => {
    expect(box.blindIndex('13800138000')).toBe(box.blindIndex('13800138000'));
    expect(box.blindIndex('13800138000')).not.toBe(box.blindIndex('13800138001'));
    expect(createSecretBox(randomBytes(32)).blindIndex('13800138000')).not.toBe(
      box.blindIndex('13800138000'),
    );
  });

  it('creates its key file once, readable by the owner only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'key-')), 'data-key');
    const first = loadDataKey(file, {});
    expect(loadDataKey(file, {})).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
