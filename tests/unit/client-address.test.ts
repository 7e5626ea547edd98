import { describe, expect, it } from 'vitest';
import { cleanFilterValue, parseCandidateFilters } from '@/lib/candidates/filters';
import { addressKey } from '@/lib/security/rate-limit';
import { clientFromChain, normalizeAddress, parseTrustedProxies, rateLimitSubject } from '@/lib/security/trusted-proxies';

describe('TRUSTED_PROXIES', () => {
  it('reads IPv4 and IPv6 CIDRs and bare addresses', () => {
    const trusted = parseTrustedProxies(' 127.0.0.1/32, 10.0.0.0/8,fd00::/8 , 192.0.2.5');
    expect(trusted.cidrs).toEqual(['127.0.0.1/32', '10.0.0.0/8', 'fd00::/8', '192.0.2.5/32']);
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.200.3.4', 'fd12::1', '192.0.2.5']) expect(trusted.isTrusted(address), address).toBe(true);
    for (const address of ['127.0.0.2', '11.0.0.1', 'fe80::1', '192.0.2.6', 'garbage', '']) expect(trusted.isTrusted(address), address).toBe(false);
  });
  it('trusts nobody by default', () => {
    expect(parseTrustedProxies(undefined).isTrusted('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies('').isTrusted('::1')).toBe(false);
  });
  it('refuses what is not a CIDR', () => {
    for (const bad of ['nginx', '10.0.0.0/33', '::/129', '10.0.0.0/8/1', '10.0.0.0/x', '300.1.1.1']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/is not an IP address or CIDR/);
    }
  });
});

describe('the client behind a request', () => {
  const none = parseTrustedProxies('');
  const nginx = parseTrustedProxies('127.0.0.1/32');
  const nginxBehindBalancer = parseTrustedProxies('127.0.0.1/32,10.0.0.0/8');

  it('is the socket address when the peer is not a trusted proxy, whatever it claims', () => {
    expect(clientFromChain('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(clientFromChain('127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
    expect(clientFromChain('::ffff:203.0.113.9', '1.2.3.4', nginx)).toBe('203.0.113.9');
  });
  it('is the last hop a trusted proxy added, never an entry the client wrote', () => {
    expect(clientFromChain('127.0.0.1', '203.0.113.77, 198.51.100.4', nginx)).toBe('198.51.100.4');
    expect(clientFromChain('127.0.0.1', '198.51.100.4', nginx)).toBe('198.51.100.4');
    // Through a trusted balancer too: read past every trusted hop.
    expect(clientFromChain('127.0.0.1', '203.0.113.77, 198.51.100.4, 10.1.2.3', nginxBehindBalancer)).toBe('198.51.100.4');
    // A proxy that sent nothing: the request came from the proxy itself.
    expect(clientFromChain('127.0.0.1', undefined, nginx)).toBe('127.0.0.1');
    // Garbage in the chain stops the walk at the last address that could be read.
    expect(clientFromChain('127.0.0.1', '198.51.100.4, not-an-address', nginx)).toBe('127.0.0.1');
  });
  it('normalizes IPv4-mapped, bracketed and zoned addresses', () => {
    expect(normalizeAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('unknown')).toBeNull();
  });
});

describe('rate-limit keys', () => {
  it('key IPv6 clients by their /64, IPv4 clients by their address', () => {
    expect(rateLimitSubject('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7');
    // Every address of one /64 shares a key; the next /64 does not.
    expect(addressKey('signin:', '2001:db8:1:2::1')).toBe(addressKey('signin:', '2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('signin:', '2001:db8:1:2::1')).not.toBe(addressKey('signin:', '2001:db8:1:3::1'));
    expect(addressKey('signin:', '203.0.113.7')).not.toBe(addressKey('signin:', '203.0.113.8'));
  });
});

describe('staff search filters', () => {
  it('are cleaned of control characters and lone surrogates (a NUL was a 500)', () => {
    expect(cleanFilterValue('Mar\u0000ía\tLópez\u007f')).toBe('Mar ía López');
    expect(cleanFilterValue('\ud800abc')).toBe('abc');
    expect(parseCandidateFilters(new URLSearchParams('q=%00')).filters).toEqual({});
    expect(parseCandidateFilters(new URLSearchParams('q=ana%00lopez&municipality=76001%00')).filters).toEqual({ q: 'ana lopez', municipality: '76001' });
  });
});
