/**
 * SSRF guard for outbound link checks: decides whether a URL's host may be contacted and hands back
 * the vetted addresses so the caller connects to exactly those (no second DNS answer can sneak in).
 * Address ranges are matched by Node's net.BlockList; names are resolved by c-ares (see cachedLookup).
 */
import { promises as dnsPromises, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type LookupFn = (hostname: string) => Promise<ResolvedAddress[]>;

type GuardVerdict =
  | { ok: true; hostname: string; addresses: ResolvedAddress[] }
  | { ok: false; error: 'blocked' | 'dns' | 'invalid-url' };

/** IPv4 ranges that are not publicly routable (IANA special-purpose registry, RFC 6890 and successors). */
const PRIVATE_V4: readonly (readonly [base: string, prefix: number])[] = [
  ['0.0.0.0', 8], // "this network", incl. 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
];

/** "10.0.0.0" → "0a00:0000", the IPv4 address as the two IPv6 groups 6to4 embeds it in. */
const v4AsGroups = (v4: string): string =>
  v4.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0')).join('').replace(/^(.{4})/, '$1:');

/**
 * Refused ranges. An IPv4 rule also matches its IPv4-mapped form (::ffff:a.b.c.d); NAT64 (64:ff9b::/96)
 * and 6to4 (2002::/16) embed an IPv4 address too, so each private IPv4 range is refused there as well.
 */
const BLOCKED = new BlockList();
for (const [base, prefix] of PRIVATE_V4) {
  BLOCKED.addSubnet(base, prefix, 'ipv4');
  BLOCKED.addSubnet(`64:ff9b::${base}`, 96 + prefix, 'ipv6');
  BLOCKED.addSubnet(`2002:${v4AsGroups(base)}::`, 16 + prefix, 'ipv6');
}
// Inside 2000::/3 but not public: IETF assignments (Teredo, ORCHID, benchmarking…) and documentation.
BLOCKED.addSubnet('2001::', 23, 'ipv6');
BLOCKED.addSubnet('2001:db8::', 32, 'ipv6');
BLOCKED.addSubnet('3fff::', 20, 'ipv6');

/** IPv6 is an allow-list: global unicast and NAT64 (this excludes ::, ::1, fc00::/7, fe80::/10, ff00::/8, …). */
const ROUTABLE_V6 = new BlockList();
ROUTABLE_V6.addSubnet('2000::', 3, 'ipv6');
ROUTABLE_V6.addSubnet('64:ff9b::', 96, 'ipv6');

const V4_MAPPED = new BlockList();
V4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** True only for a syntactically valid, publicly routable IPv4/IPv6 address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets, IPv6 zone id
  const family = isIP(bare);
  if (family === 4) return !BLOCKED.check(bare, 'ipv4');
  if (family !== 6) return false;
  if (BLOCKED.check(bare, 'ipv6')) return false;
  return V4_MAPPED.check(bare, 'ipv6') || ROUTABLE_V6.check(bare, 'ipv6');
}

/** Names that resolve to loopback by definition (RFC 6761), refused without asking DNS. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

async function resolveAll(resolver: dnsPromises.Resolver, hostname: string): Promise<ResolvedAddress[]> {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
  const addresses = [
    ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 })) : []),
    ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 })) : []),
  ];
  // Names only the system knows (/etc/hosts, an mDNS setup) still resolve, through getaddrinfo.
  return addresses.length > 0 ? addresses : dnsPromises.lookup(hostname, { all: true, verbatim: true });
}

/**
 * A lookup for one batch of checks. c-ares queries run on the event loop, so hundreds of names resolve
 * at once instead of four at a time through libuv's thread pool (which `dns.lookup` uses); each name is
 * asked once per batch, so links sharing a host share the answer.
 */
export function cachedLookup(opts: { timeoutMs?: number } = {}): LookupFn {
  const resolver = new dnsPromises.Resolver({ timeout: opts.timeoutMs ?? 2000, tries: 2 });
  const answers = new Map<string, Promise<ResolvedAddress[]>>();
  return (hostname) => {
    const key = hostname.toLowerCase();
    let answer = answers.get(key);
    if (!answer) {
      answer = resolveAll(resolver, key);
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * Vets a URL before any connection: scheme must be http(s); every address the host resolves to must
 * be public unless allowPrivateNetwork. The lookup is the only DNS query made for this hop.
 */
export async function vetUrl(url: URL, opts: { allowPrivateNetwork: boolean; lookup: LookupFn }): Promise<GuardVerdict> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'invalid-url' };
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!hostname) return { ok: false, error: 'invalid-url' };
  const literal = isIP(hostname);
  if (!opts.allowPrivateNetwork && !literal && isLocalhostName(hostname)) return { ok: false, error: 'blocked' };
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: hostname, family: literal }];
  } else {
    try {
      addresses = await opts.lookup(hostname);
    } catch {
      return { ok: false, error: 'dns' };
    }
  }
  if (addresses.length === 0) return { ok: false, error: 'dns' };
  // One private answer is enough to refuse: a mixed answer is a classic rebinding trick.
  if (!opts.allowPrivateNetwork && !addresses.every((a) => isPublicAddress(a.address))) {
    return { ok: false, error: 'blocked' };
  }
  return { ok: true, hostname, addresses };
}

/** A `lookup` for net/http/tls that only ever answers with the already vetted addresses. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const matching = addresses.filter((a) => wanted === 0 || a.family === wanted);
    const first = matching[0];
    if (!first) {
      const err: NodeJS.ErrnoException = new Error('no vetted address of the requested family');
      err.code = 'ENOTFOUND';
      callback(err, '', 0);
    } else if (options.all) {
      callback(null, matching.map((a): LookupAddress => ({ address: a.address, family: a.family })));
    } else {
      callback(null, first.address, first.family);
    }
  };
}
