/**
 * SSRF guard for outbound link checks: decides whether a URL's host may be contacted and hands back
 * the vetted addresses so the caller connects to exactly those (no second DNS answer can sneak in).
 */
import { promises as dnsPromises, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type LookupFn = (hostname: string) => Promise<ResolvedAddress[]>;

export type GuardVerdict =
  | { ok: true; hostname: string; addresses: ResolvedAddress[] }
  | { ok: false; error: 'blocked' | 'dns' | 'invalid-url' };

export const systemLookup: LookupFn = (hostname) =>
  dnsPromises.lookup(hostname, { all: true, verbatim: true });

type Cidr = readonly [base: bigint, prefix: number];

function v4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function v6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    for (const piece of half.split(':')) {
      if (piece.includes('.')) {
        const embedded = v4(piece);
        if (embedded === null) return null;
        out.push(Number(embedded >> 16n), Number(embedded & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

const cidr4 = (base: string, prefix: number): Cidr => [v4(base) ?? 0n, prefix];
const cidr6 = (base: string, prefix: number): Cidr => [v6(base) ?? 0n, prefix];

function inCidr(value: bigint, [base, prefix]: Cidr, bits: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

/** IPv4 ranges that are not publicly routable (IANA special-purpose registry, RFC 6890 and successors). */
const BLOCKED_V4: readonly Cidr[] = [
  cidr4('0.0.0.0', 8), // "this network", incl. 0.0.0.0
  cidr4('10.0.0.0', 8),
  cidr4('100.64.0.0', 10), // CGNAT
  cidr4('127.0.0.0', 8),
  cidr4('169.254.0.0', 16), // link-local, incl. cloud metadata 169.254.169.254
  cidr4('172.16.0.0', 12),
  cidr4('192.0.0.0', 24), // IETF protocol assignments
  cidr4('192.0.2.0', 24), // TEST-NET-1
  cidr4('192.88.99.0', 24), // 6to4 relay anycast
  cidr4('192.168.0.0', 16),
  cidr4('198.18.0.0', 15), // benchmarking
  cidr4('198.51.100.0', 24), // TEST-NET-2
  cidr4('203.0.113.0', 24), // TEST-NET-3
  cidr4('224.0.0.0', 4), // multicast
  cidr4('240.0.0.0', 4), // reserved, incl. broadcast
];

const V4_MAPPED = cidr6('::ffff:0:0', 96);
const NAT64 = cidr6('64:ff9b::', 96);
const SIX_TO_FOUR = cidr6('2002::', 16);
const GLOBAL_UNICAST = cidr6('2000::', 3);
/** Inside 2000::/3 but not public: IETF assignments (Teredo, ORCHID, benchmarking…) and documentation. */
const BLOCKED_V6_GLOBAL: readonly Cidr[] = [cidr6('2001::', 23), cidr6('2001:db8::', 32), cidr6('3fff::', 20)];

function isPublicV4(value: bigint): boolean {
  return !BLOCKED_V4.some((range) => inCidr(value, range, 32));
}

/** True only for a syntactically valid, publicly routable IPv4/IPv6 address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets, IPv6 zone id
  const family = isIP(bare);
  if (family === 4) {
    const value = v4(bare);
    return value !== null && isPublicV4(value);
  }
  if (family !== 6) return false;
  const value = v6(bare);
  if (value === null) return false;
  // Addresses that embed an IPv4 address are judged by that address.
  if (inCidr(value, V4_MAPPED, 128) || inCidr(value, NAT64, 128)) return isPublicV4(value & 0xffffffffn);
  if (inCidr(value, SIX_TO_FOUR, 128)) return isPublicV4((value >> 80n) & 0xffffffffn);
  // Allow-list: only global unicast counts (this excludes ::, ::1, fc00::/7, fe80::/10, ff00::/8, …).
  return inCidr(value, GLOBAL_UNICAST, 128) && !BLOCKED_V6_GLOBAL.some((range) => inCidr(value, range, 128));
}

/** Names that resolve to loopback by definition (RFC 6761), refused without asking DNS. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Vets a URL before any connection: scheme must be http(s); every address the host resolves to must
 * be public unless allowPrivateNetwork. The lookup is the only DNS query made for this hop.
 */
export async function vetUrl(
  url: URL,
  opts: { allowPrivateNetwork: boolean; lookup?: LookupFn | undefined },
): Promise<GuardVerdict> {
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
      addresses = await (opts.lookup ?? systemLookup)(hostname);
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
