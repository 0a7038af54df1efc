import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsAccess, metricsAccessFromEnv } from './metrics-access.ts';

const TOKEN = 'a-scrape-token-of-some-length';

describe('metricsAccess', () => {
  it('lets in the exact bearer token and nothing close to it', () => {
    const access = metricsAccess({ token: TOKEN });
    expect(access({ authorization: `Bearer ${TOKEN}`, peer: '203.0.113.9' })).toBe(true);
    for (const authorization of [null, TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer ']) {
      expect(access({ authorization, peer: '203.0.113.9' })).toBe(false);
    }
  });

  it('lets in peers of the allowed networks, IPv4 seen through IPv6 included, and no one else', () => {
    const access = metricsAccess({ allow: '10.0.0.0/8, fd00::/8, 192.0.2.7' });
    for (const peer of ['10.1.2.3', '::ffff:10.9.9.9', 'fd00::1', '192.0.2.7']) {
      expect(access({ authorization: null, peer })).toBe(true);
    }
    for (const peer of ['127.0.0.1', '::1', '192.0.2.8', undefined, 'not-an-address']) {
      expect(access({ authorization: null, peer })).toBe(false);
    }
  });

  it('takes the token from LINJU_METRICS_TOKEN_FILE, as a mounted secret', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'linju-metrics-')), 'metrics-token');
    writeFileSync(file, `${TOKEN}\n`);
    const access = metricsAccessFromEnv({ LINJU_METRICS_TOKEN_FILE: file });
    expect(access({ authorization: `Bearer ${TOKEN}`, peer: '203.0.113.9' })).toBe(true);
  });

  it('is closed when nothing is configured, loopback included', () => {
    expect(metricsAccess({})({ authorization: null, peer: '127.0.0.1' })).toBe(false);
    expect(metricsAccess({ token: '' })({ authorization: 'Bearer ', peer: '127.0.0.1' })).toBe(false);
  });

  it('refuses at start-up a short token or an entry that is no network, naming it', () => {
    expect(() => metricsAccess({ token: 'short' })).toThrow(
      'LINJU_METRICS_TOKEN must be at least 16 characters',
    );
    expect(() => metricsAccess({ allow: '10.0.0.0/33' })).toThrow("LINJU_METRICS_ALLOW: '10.0.0.0/33'");
    expect(() => metricsAccess({ allow: 'prometheus.local' })).toThrow("'prometheus.local'");
  });
});
