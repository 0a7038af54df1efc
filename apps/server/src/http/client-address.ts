import { BlockList, isIP } from 'node:net';

/** The header the listener sets on every request, whatever a client sent under that name. */
export const CLIENT_IP_HEADER = 'x-linju-client-ip';

/** The proxies whose forwarding headers are believed (`LINJU_TRUSTED_PROXIES`). */
export type TrustedProxies = BlockList;

/** Where a request came from: the client's address and, when a trusted proxy said so, its scheme. */
export type ClientAddress = { ip: string; scheme: 'http' | 'https' | null };

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`: one client, one key. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/**
 * `127.0.0.1/32,10.0.0.0/8,fd00::/8` as a list to check peers against; an entry that is not a CIDR
 * (or a bare address) stops the start-up, named.
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const trusted = new BlockList();
  for (const entry of (list ?? '').split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || !/^\d{1,3}$/.test(prefix ?? '0') || bits > (family === 6 ? 128 : 32))
      throw new Error(`LINJU_TRUSTED_PROXIES: "${entry}" is not an address or CIDR (10.0.0.0/8, fd00::/8)`);
    trusted.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return trusted;
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Whether the socket's peer is one of the trusted proxies: only they speak for the client. */
export function fromTrustedProxy(peer: string | undefined, trusted: TrustedProxies): boolean {
  return isTrusted(trusted, plainAddress(peer ?? 'unknown'));
}

const scheme = (value: string | undefined) => {
  const lower = value?.trim().toLowerCase();
  return lower === 'https' || lower === 'http' ? lower : null;
};

/** A `for=` node of RFC 7239 (`192.0.2.1`, `"192.0.2.1:80"`, `"[2001:db8::1]:80"`) as an address, if it is one. */
function forwardedNode(value: string): string {
  const unquoted = value.replace(/^"(.*)"$/, '$1');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(unquoted);
  if (bracketed?.[1]) return bracketed[1];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(unquoted);
  return withPort?.[1] ?? unquoted;
}

type Hop = { for: string; proto: 'http' | 'https' | null };

/** The hops a `Forwarded` header lists, nearest last. */
function forwardedHops(header: string): Hop[] {
  return header.split(',').map((element) => {
    const pairs = new Map(
      element.split(';').map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()] as const;
      }),
    );
    return {
      for: forwardedNode(pairs.get('for') ?? ''),
      proto: scheme(pairs.get('proto')?.replace(/"/g, '')),
    };
  });
}

/** The hops `X-Forwarded-For`/`-Proto` list, nearest last; a proto list as long as the hops pairs up. */
function xForwardedHops(forwardedFor: string, forwardedProto: string | undefined): Hop[] {
  const addresses = forwardedFor.split(',').map((part) => part.trim());
  const protos = (forwardedProto ?? '').split(',').map((part) => part.trim());
  const single = scheme(protos.at(-1));
  return addresses.map((address, i) => ({
    for: address,
    proto: protos.length === addresses.length ? scheme(protos[i]) : single,
  }));
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/**
 * The client behind a request. Forwarding headers are believed only from a trusted peer, and then
 * walked from the right past trusted hops: the first untrusted hop is the client (anything left of
 * it was written by the client itself and proves nothing). A hop that is not an address ends the
 * walk at the last trusted one. `Forwarded` (RFC 7239) wins over `X-Forwarded-*` when both are sent.
 */
export function clientAddress(
  peer: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trusted: TrustedProxies,
): ClientAddress {
  const socket = plainAddress(peer ?? 'unknown');
  if (!isTrusted(trusted, socket)) return { ip: socket, scheme: null };
  const forwarded = header(headers.forwarded);
  const forwardedFor = header(headers['x-forwarded-for']);
  const hops = forwarded
    ? forwardedHops(forwarded)
    : forwardedFor
      ? xForwardedHops(forwardedFor, header(headers['x-forwarded-proto']))
      : [];
  let client: ClientAddress = {
    ip: socket,
    scheme: forwarded || forwardedFor ? null : scheme(header(headers['x-forwarded-proto'])),
  };
  for (const hop of hops.toReversed()) {
    const address = plainAddress(hop.for);
    if (!isIP(address)) break;
    client = { ip: address, scheme: hop.proto };
    if (!isTrusted(trusted, address)) break;
  }
  return client;
}
