import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.ts';

describe('the request id', () => {
  it('keeps a proxy’s plain token', () => {
    expect(requestIdFrom('edge-proxy-0001')).toBe('edge-proxy-0001');
    expect(requestIdFrom('0b7c2c5e-8d1e-4b8e-9a55-0e1f3a9c7d21')).toBe(
      '0b7c2c5e-8d1e-4b8e-9a55-0e1f3a9c7d21',
    );
  });

  it('replaces anything longer, shorter, repeated or outside the safe characters with a new id', () => {
    for (const bad of ['x'.repeat(65), 'short', 'a b"<script>', 'id\nforged log line', '伪造的请求编号-0001'])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['a-request-1', 'b-request-2'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
