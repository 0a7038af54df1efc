import { describe, expect, it } from 'vitest';
import {
  EXCHANGE_ROUTES,
  referralAttachmentPath,
  referralEventsPath,
  referralPath,
} from './exchange-paths.ts';

describe('the exchange paths', () => {
  it('are the spec’s, letter for letter', () => {
    expect(EXCHANGE_ROUTES).toEqual({
      wellKnown: '/.well-known/linju-node',
      referrals: '/federation/v1/referrals',
      referral: '/federation/v1/referrals/{id}',
      referralEvents: '/federation/v1/referrals/{id}/events',
      referralAttachment: '/federation/v1/referrals/{id}/attachments/{sha256}',
      statistics: '/federation/v1/statistics',
    });
  });

  it('name a referral by its sender-scoped id, percent-encoded', () => {
    expect(referralPath('r 1/2')).toBe('/federation/v1/referrals/r%201%2F2');
    expect(referralEventsPath('r-1')).toBe('/federation/v1/referrals/r-1/events');
    expect(referralAttachmentPath('r-1', 'ab'.repeat(32))).toBe(
      `/federation/v1/referrals/r-1/attachments/${'ab'.repeat(32)}`,
    );
  });
});
