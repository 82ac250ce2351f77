import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a rate limit counts a client address under. IPv4 as it is (an IPv4-mapped IPv6
 * address as its IPv4); IPv6 by its /64, since one subscriber is handed a whole /64 and could
 * otherwise take a fresh address for every try. Pure.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const bare = ip.split('%')[0]!;
  if (!isIPv6(bare)) return ip;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, each as a lowercase number without leading zeros. Pure. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.map((g) => (g.includes('.') ? g : parseInt(g, 16).toString(16)));
}
