// Where a request came from: X-Forwarded-Host/-Proto/-For are believed only behind a proxy that TRUSTED_PROXY names.
import { getEnv } from '@/lib/env';

export type ClientAddress = {
  /** The client's IP address, or null when no trusted proxy reported it. */
  ip: string | null;
  /** The host the client asked for (host[:port]). */
  host: string;
  protocol: 'http' | 'https';
};

/** The nearest proxy's value: a proxy that appends (`$proxy_add_x_forwarded_for`) puts what it saw last. */
function lastEntry(value: string | null): string | null {
  const entry = value?.split(',').at(-1)?.trim();
  return entry ? entry : null;
}

export function clientAddress(req: Request, trustedProxy: boolean = getEnv().TRUSTED_PROXY): ClientAddress {
  const url = new URL(req.url);
  const host = req.headers.get('host') ?? url.host;
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  // NOTE: route handlers never see the socket, and `next start` keeps a client's own X-Forwarded-For when it sends
  // one, so without a trusted proxy the address is unknown rather than guessed from a header anyone can write.
  if (!trustedProxy) return { ip: null, host, protocol };
  const forwardedProto = lastEntry(req.headers.get('x-forwarded-proto'));
  return {
    ip: lastEntry(req.headers.get('x-forwarded-for')) ?? lastEntry(req.headers.get('x-real-ip')),
    host: lastEntry(req.headers.get('x-forwarded-host')) ?? host,
    protocol: forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : protocol,
  };
}
