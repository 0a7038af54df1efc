import { describe, expect, it } from 'vitest';
import { readProviderEndpoints } from './provider-endpoints.ts';

describe('the operator’s message endpoints (LINJU_MESSAGE_ENDPOINTS)', () => {
  it('are none unless set: every adapter sends to its provider', () => {
    expect(readProviderEndpoints(undefined)).toEqual({});
    expect(readProviderEndpoints(' ')).toEqual({});
  });

  it('point HTTP adapters at the addresses given', () => {
    expect(
      readProviderEndpoints('aliyun-sms=http://127.0.0.1:9001/, tencent-sms=https://relay.gov.cn/sms'),
    ).toEqual({ 'aliyun-sms': 'http://127.0.0.1:9001/', 'tencent-sms': 'https://relay.gov.cn/sms' });
  });

  it('refuse an adapter that does not send over HTTP, or an address that is not http(s)', () => {
    expect(() => readProviderEndpoints('smtp=http://x')).toThrow(
      /'smtp=http:\/\/x' does not name an HTTP adapter/,
    );
    expect(() => readProviderEndpoints('aliyun-sms')).toThrow(/does not name an HTTP adapter/);
    expect(() => readProviderEndpoints('aliyun-sms=nowhere')).toThrow(/address of aliyun-sms is not a URL/);
    expect(() => readProviderEndpoints('aliyun-sms=file:///etc/passwd')).toThrow(/must be http or https/);
  });
});
