import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address.ts';

const trusted = parseTrustedProxies('127.0.0.1/32, 10.0.0.0/8, fd00::/8');
const from = (peer: string, headers: Record<string, string> = {}) => clientAddress(peer, headers, trusted);

describe('the client behind a request', () => {
  it('is the socket peer when the peer is not a trusted proxy, whatever it forwards', () => {
    expect(
      from('203.0.113.9', {
        'x-forwarded-for': '198.51.100.1',
        'x-forwarded-proto': 'https',
        forwarded: 'for=198.51.100.1;proto=https',
      }),
    ).toEqual({ ip: '203.0.113.9', scheme: null });
  });

  it('is the first untrusted hop from the right behind trusted proxies', () => {
    expect(from('127.0.0.1', { 'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.1.2.3' })).toEqual({
      ip: '198.51.100.7',
      scheme: null,
    });
    expect(
      from('::ffff:10.0.0.5', { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' }),
    ).toEqual({
      ip: '198.51.100.7',
      scheme: 'https',
    });
  });

  it('reads RFC 7239 Forwarded before X-Forwarded-For, IPv6 and ports included', () => {
    expect(
      from('fd00::1', {
        forwarded: 'for=192.0.2.60;proto=http, for="[2001:DB8:cafe::17]:4711";proto=https, for=10.0.0.2',
        'x-forwarded-for': '203.0.113.200',
      }),
    ).toEqual({ ip: '2001:db8:cafe::17', scheme: 'https' });
    expect(from('127.0.0.1', { forwarded: 'for="192.0.2.60:8080";proto=HTTPS' })).toEqual({
      ip: '192.0.2.60',
      scheme: 'https',
    });
  });

  it('stops at the last trusted hop when a hop is no address (unknown, obfuscated, junk)', () => {
    expect(from('127.0.0.1', { forwarded: 'for=unknown, for=10.0.0.3' })).toEqual({
      ip: '10.0.0.3',
      scheme: null,
    });
    expect(from('127.0.0.1', { 'x-forwarded-for': '198.51.100.1, _hidden' })).toEqual({
      ip: '127.0.0.1',
      scheme: null,
    });
  });

  it('takes only http or https as a scheme', () => {
    expect(from('127.0.0.1', { 'x-forwarded-proto': 'javascript' })).toEqual({
      ip: '127.0.0.1',
      scheme: null,
    });
    expect(from('127.0.0.1', { 'x-forwarded-proto': 'https' })).toEqual({ ip: '127.0.0.1', scheme: 'https' });
  });

  it('trusts nobody when no proxy is configured', () => {
    expect(
      clientAddress('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }, parseTrustedProxies(undefined)),
    ).toEqual({ ip: '127.0.0.1', scheme: null });
  });
});

describe('LINJU_TRUSTED_PROXIES', () => {
  it('takes CIDRs and bare addresses of both families', () => {
    const list = parseTrustedProxies('192.168.1.10,2001:db8::/32');
    expect(list.check('192.168.1.10', 'ipv4')).toBe(true);
    expect(list.check('192.168.1.11', 'ipv4')).toBe(false);
    expect(list.check('2001:db8:1::1', 'ipv6')).toBe(true);
  });
  it('refuses an entry that is no CIDR, naming it', () => {
    for (const entry of ['10.0.0.0/33', 'proxy.local', '10.0.0.0/8x', 'fd00::/129'])
      expect(() => parseTrustedProxies(entry), entry).toThrow(`LINJU_TRUSTED_PROXIES: "${entry}"`);
  });
});
