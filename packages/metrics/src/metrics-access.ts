import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { secretSetting } from '@linju/db/secret-setting';

/** Who may read `/metrics`: a bearer token, or a socket peer inside one of the allowed networks. */
export type MetricsAccess = (request: { authorization: string | null; peer: string | undefined }) => boolean;

export type MetricsAccessSettings = {
  /** `LINJU_METRICS_TOKEN`: Prometheus sends it as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /**
   * `LINJU_METRICS_ALLOW`: comma-separated CIDRs (or single addresses) of scrapers that need no
   * token. Matched against the socket peer only, never a forwarded address: a proxy on the same host
   * is a loopback peer, so loopback is not allowed unless listed.
   */
  allow?: string | undefined;
};

const digest = (value: string) => createHash('sha256').update(value).digest();

function allowList(allow: string): BlockList {
  const list = new BlockList();
  for (const entry of allow
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`LINJU_METRICS_ALLOW: '${entry}' is not an address or a CIDR (like 10.0.0.0/8)`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/**
 * The wall in front of `/metrics`: nothing is readable unless a token or an allowed network is
 * configured. A short token is refused at start-up, not guessed later.
 */
export function metricsAccess(settings: MetricsAccessSettings): MetricsAccess {
  const token = settings.token?.trim();
  if (token !== undefined && token !== '' && token.length < 16) {
    throw new Error('LINJU_METRICS_TOKEN must be at least 16 characters');
  }
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first byte.
  const expected = token ? digest(`Bearer ${token}`) : null;
  const allowed = allowList(settings.allow ?? '');
  return ({ authorization, peer }) => {
    if (expected && authorization && timingSafeEqual(digest(authorization.trim()), expected)) return true;
    if (!peer) return false;
    const address = peer.startsWith('::ffff:') && isIP(peer.slice(7)) === 4 ? peer.slice(7) : peer;
    const family = isIP(address);
    return family !== 0 && allowed.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** The access rule from the process environment. */
export const metricsAccessFromEnv = (env: Record<string, string | undefined>): MetricsAccess =>
  metricsAccess({ token: secretSetting(env, 'LINJU_METRICS_TOKEN'), allow: env.LINJU_METRICS_ALLOW });
