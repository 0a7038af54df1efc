import { BlockList, isIP } from 'node:net';

/**
 * Addresses a peer must never make this node call unless an operator said so: loopback, the
 * private ranges, link-local (169.254.169.254 and fd00:ec2::254 are cloud metadata services),
 * carrier-grade NAT, unique-local, multicast, reserved and "this network". IPv4-mapped IPv6
 * addresses (`::ffff:127.0.0.1`) are matched by their IPv4 rules.
 */
const PRIVATE_RANGES = (() => {
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const)
    list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of [
    ['::', 127],
    ['64:ff9b::', 96],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const)
    list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

/** Whether `address` (an IP literal) is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`${address} is not an IP address`);
  return PRIVATE_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
