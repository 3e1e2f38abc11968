import 'server-only';
// The egress allow-list: hostnames (`api.internal`, `*.corp.example`), IPs and CIDRs that steps may reach although private.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type Allowlist = {
  /** Exact hostnames, lower case, without a trailing dot. */
  hosts: ReadonlySet<string>;
  /** `*.corp.example` → `.corp.example`. */
  hostSuffixes: readonly string[];
  cidrs: readonly Cidr[];
};

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

export function normaliseHostname(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** IPv4-mapped IPv6 addresses compare as the IPv4 address they carry. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = normaliseHostname(address).replace(/%.*$/, '');
  if (!isIP(bare)) return null;
  const parsed = ipaddr.parse(bare);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

/** Parses comma-separated (or listed) entries; entries that are neither a host, an IP nor a CIDR are skipped with a warning. */
export function parseAllowlist(entries: string | readonly string[]): Allowlist {
  const hosts = new Set<string>();
  const hostSuffixes: string[] = [];
  const cidrs: Cidr[] = [];
  const list = typeof entries === 'string' ? entries.split(',') : entries;
  for (const raw of list) {
    const entry = normaliseHostname(raw.trim());
    if (!entry) continue;
    const address = parseAddress(entry);
    if (address) {
      cidrs.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      const [range, bits] = ipaddr.parseCIDR(entry);
      cidrs.push(
        range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
          ? [(range as ipaddr.IPv6).toIPv4Address(), bits - 96]
          : [range, bits],
      );
    } else if (entry.startsWith('*.') && HOSTNAME.test(entry.slice(2))) {
      hostSuffixes.push(entry.slice(1));
    } else if (HOSTNAME.test(entry)) {
      hosts.add(entry);
    } else {
      logger.warn({ entry: raw }, 'WORKFLOW_EGRESS_ALLOWLIST: skipped an entry that is not a hostname, IP or CIDR');
    }
  }
  return { hosts, hostSuffixes, cidrs };
}

export function isHostAllowlisted(hostname: string, allowlist: Allowlist): boolean {
  const host = normaliseHostname(hostname);
  if (allowlist.hosts.has(host) || allowlist.hostSuffixes.some((suffix) => host.endsWith(suffix))) return true;
  const address = parseAddress(host);
  return address !== null && isAddressAllowlisted(address.toString(), allowlist);
}

export function isAddressAllowlisted(address: string, allowlist: Allowlist): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return allowlist.cidrs.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

let envAllowlist: { raw: string; parsed: Allowlist } | undefined;

/** `WORKFLOW_EGRESS_ALLOWLIST`, parsed once. */
export function getEnvAllowlist(): Allowlist {
  const raw = getEnv().WORKFLOW_EGRESS_ALLOWLIST;
  if (envAllowlist?.raw !== raw) envAllowlist = { raw, parsed: parseAllowlist(raw) };
  return envAllowlist.parsed;
}
