// A resolver for tests: names map to fixed addresses, anything else fails like an unknown host.
import { isIP, type LookupFunction } from 'node:net';

export function fakeLookup(names: Record<string, string | string[]>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    calls.push(hostname);
    const entry = names[hostname.toLowerCase()];
    if (!entry) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return process.nextTick(() => callback(error, '', 0));
    }
    const addresses = [entry].flat().map((address) => ({ address, family: isIP(address) }));
    const first = addresses[0] ?? { address: '', family: 4 };
    process.nextTick(() => (options.all ? callback(null, addresses) : callback(null, first.address, first.family)));
  };
  return Object.assign(lookup, { calls });
}
