// Which peers may speak for a client (TRUSTED_PROXIES), and who the client is given that. Plain Node with
// relative imports only: the client-address hook loads it with `node --import`, before Next, and
// lib/config/env.ts validates the variable with the same parser.
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** The CIDRs as configured, normalized (`127.0.0.1/32`). */
  readonly cidrs: readonly string[];
  isTrusted(address: string): boolean;
}

/** `::ffff:203.0.113.7` is the IPv4 client 203.0.113.7; anything that is not an address is null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let address = raw.trim();
  // An IPv6 literal may come bracketed, and a zone id never identifies a client.
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const family = isIP(address);
  if (family === 0) return null;
  return family === 6 ? address.toLowerCase() : address;
}

/**
 * Parses a comma-separated list of CIDRs (`127.0.0.1/32,10.0.0.0/8,fd00::/8`; a bare address means a /32 or
 * /128). Throws an Error naming the first entry that is not one.
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const list = new BlockList();
  const cidrs: string[] = [];
  for (const entry of (raw ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [addressPart, prefixPart, ...rest] = entry.split('/');
    const address = normalizeAddress(addressPart);
    const family = address ? isIP(address) : 0;
    const max = family === 6 ? 128 : 32;
    const prefix = prefixPart === undefined ? max : Number(prefixPart);
    if (!address || rest.length > 0 || !/^\d{1,3}$/.test(prefixPart ?? String(max)) || prefix > max) {
      throw new Error(`"${entry}" is not an IP address or CIDR`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
    cidrs.push(`${address}/${prefix}`);
  }
  return {
    cidrs,
    isTrusted(address) {
      const normalized = normalizeAddress(address);
      if (!normalized || cidrs.length === 0) return false;
      return list.check(normalized, isIP(normalized) === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client behind `peer` (the socket's address). A peer that is not a trusted proxy is the client, whatever
 * its headers say. From a trusted proxy, X-Forwarded-For is read from the right, past every trusted proxy, to the
 * first address that is not one: entries further left were written by whoever that is, and can be anything.
 */
export function clientFromChain(peer: string | null, forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  const normalizedPeer = normalizeAddress(peer);
  if (!normalizedPeer || !trusted.isTrusted(normalizedPeer)) return normalizedPeer;
  const chain = (forwardedFor ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  let client = normalizedPeer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    // A proxy that wrote garbage is not to be believed further: stop at the last address we could read.
    if (!hop) break;
    client = hop;
    if (!trusted.isTrusted(hop)) break;
  }
  return client;
}

/**
 * What rate limits key a client by: an IPv4 address as it is, an IPv6 address by its /64, the smallest block
 * a home or mobile connection is given (keying by the full address would give one client 2^64 keys).
 */
export function rateLimitSubject(address: string): string {
  const normalized = normalizeAddress(address);
  if (!normalized || isIP(normalized) !== 6) return normalized ?? address;
  const groups = expandIpv6(normalized);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function expandIpv6(address: string): string[] {
  let text = address;
  // A trailing dotted quad (::ffff:1.2.3.4 that was not IPv4-mapped, 64:ff9b::1.2.3.4) as two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group || '0', 16).toString(16));
}
