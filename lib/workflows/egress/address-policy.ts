import 'server-only';
// Which addresses and URLs workflow steps may reach: public unicast only, unless allow-listed (SSRF guard).
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import {
  type Allowlist,
  getEnvAllowlist,
  isAddressAllowlisted,
  isHostAllowlisted,
  normaliseHostname,
} from './allowlist';

export type PolicyResult = { ok: true } | { ok: false; reason: string };

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const RANGE_LABELS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  deprecatedSiteLocal: 'a site-local IPv6 address',
  teredo: 'a Teredo tunnel address',
};

/** IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, compatible, 6to4): judged by the IPv4 inside. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return fromWords(parts[6] ?? 0, parts[7] ?? 0);
  if (range === 'rfc6052' && parts[1] === 0xff9b && parts[2] === 0) return fromWords(parts[6] ?? 0, parts[7] ?? 0);
  if (range === '6to4') return fromWords(parts[1] ?? 0, parts[2] ?? 0);
  if (range === 'unicast' && parts.slice(0, 6).every((part) => part === 0))
    return fromWords(parts[6] ?? 0, parts[7] ?? 0);
  return null;
}

function classify(address: ipaddr.IPv4 | ipaddr.IPv6, shown: string): PolicyResult {
  if (METADATA.has(address.toString())) return { ok: false, reason: `${shown} is a cloud metadata address` };
  if (address.kind() === 'ipv6') {
    const inner = embeddedIPv4(address as ipaddr.IPv6);
    if (inner) {
      const verdict = classify(inner, inner.toString());
      return verdict.ok
        ? verdict
        : { ok: false, reason: `${shown} embeds ${inner.toString()}, ${verdict.reason.replace(/^\S+ is /, '')}` };
    }
  }
  const range = address.range();
  // NOTE: ipaddr.js calls the rest of ::/8 unicast; IANA reserves it.
  if (range === 'unicast' && address.kind() === 'ipv6' && ((address as ipaddr.IPv6).parts[0] ?? 0) < 0x100) {
    return { ok: false, reason: `${shown} is a reserved address (::/8)` };
  }
  if (range === 'unicast') return { ok: true };
  return { ok: false, reason: `${shown} is ${RANGE_LABELS[range] ?? `a reserved address (${range})`}` };
}

/** Whether a resolved or literal IP may be connected to. */
export function checkAddress(address: string, allowlist: Allowlist = getEnvAllowlist()): PolicyResult {
  const bare = normaliseHostname(address).replace(/%.*$/, '');
  if (!isIP(bare)) return { ok: false, reason: `${address} is not an IP address` };
  if (isAddressAllowlisted(bare, allowlist)) return { ok: true };
  return classify(ipaddr.parse(bare), bare);
}

const BLOCKED_NAMES = new Set(['localhost', 'metadata', 'metadata.goog', 'instance-data']);
const BLOCKED_SUFFIXES = ['.localhost', '.internal', '.local'];

/** Names that always point inside the network (localhost, cloud metadata, `.internal`, mDNS `.local`). */
export function checkHostname(hostname: string, allowlist: Allowlist = getEnvAllowlist()): PolicyResult {
  const host = normaliseHostname(hostname);
  if (isHostAllowlisted(host, allowlist)) return { ok: true };
  if (isIP(host)) return checkAddress(host, allowlist);
  if (!host) return { ok: false, reason: 'The URL has no host' };
  if (BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return { ok: false, reason: `${host} is an internal host name` };
  }
  return { ok: true };
}

/** Scheme, credentials and host of a parsed URL; the addresses a name resolves to are checked when connecting. */
export function checkTarget(url: URL, allowlist: Allowlist = getEnvAllowlist()): PolicyResult {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `Only http and https URLs are allowed, not ${url.protocol.replace(':', '')}` };
  if (url.username || url.password)
    return { ok: false, reason: 'URLs must not contain a user name or password; use a connector credential' };
  return checkHostname(url.hostname, allowlist);
}

const TEMPLATE = /\{\{[^}]*\}\}/g;

/**
 * The validator's check of a URL as written. WHATWG parsing turns `2130706433`, `0x7f.1` and `017700000001` into
 * 127.0.0.1 first. A templated URL is checked only when its scheme and host are literal.
 */
export function checkUrlStatically(url: string, allowlist: Allowlist = getEnvAllowlist()): PolicyResult {
  const trimmed = url.trim();
  if (trimmed.includes('{{')) {
    const authority = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(trimmed);
    if (!authority || authority[0].includes('{{')) return { ok: true };
    return checkUrlStatically(trimmed.replace(TEMPLATE, 'x'), allowlist);
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: `${trimmed.slice(0, 100)} is not a valid URL` };
  }
  return checkTarget(parsed, allowlist);
}
