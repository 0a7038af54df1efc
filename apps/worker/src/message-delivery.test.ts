import { describe, expect, it } from 'vitest';
import { withAbsoluteLink } from './message-delivery.ts';

const message = (params: Record<string, string>) => ({
  id: 'm1',
  tenantId: 't1',
  channel: 'sms' as const,
  templateKey: 'partner-link' as const,
  recipient: '13900000000',
  params,
  attempt: 1,
});

describe('a message’s link', () => {
  it('leaves as a full address on this deployment, which a phone can open', () => {
    expect(
      withAbsoluteLink(message({ number: 'XH-1', link: '/p/abc' }), 'https://linju.example.gov.cn').params,
    ).toEqual({
      number: 'XH-1',
      link: 'https://linju.example.gov.cn/p/abc',
    });
  });

  it('is left alone when already absolute, or when the deployment’s address is not known', () => {
    const absolute = message({ link: 'https://elsewhere.example/x' });
    expect(withAbsoluteLink(absolute, 'https://linju.example.gov.cn')).toBe(absolute);
    const path = message({ link: '/p/abc' });
    expect(withAbsoluteLink(path, undefined)).toBe(path);
  });
});
