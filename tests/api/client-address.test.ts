import { describe, expect, it } from 'vitest';
import { checkOrigin } from '@/lib/api/check-origin';
import { clientAddress } from '@/lib/api/client-address';
import { parseEnv } from '@/lib/env';

const behindProxy = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/workflows', {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', ...headers },
  });

const forwarded = { 'x-forwarded-host': 'levqor.io', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.23' };

describe('clientAddress', () => {
  it('ignores X-Forwarded-* without a trusted proxy: Host names the host and the client address is unknown', () => {
    expect(clientAddress(behindProxy(forwarded), false)).toEqual({
      ip: null,
      host: '127.0.0.1:3000',
      protocol: 'http',
    });
  });

  it('believes X-Forwarded-Host, -Proto and -For behind a trusted proxy', () => {
    expect(clientAddress(behindProxy(forwarded), true)).toEqual({
      ip: '198.51.100.23',
      host: 'levqor.io',
      protocol: 'https',
    });
  });

  it('takes the address the proxy appended, not one the client wrote before it', () => {
    expect(clientAddress(behindProxy({ 'x-forwarded-for': '10.9.9.9, 203.0.113.7' }), true).ip).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP and to Host when the trusted proxy sends only those', () => {
    expect(clientAddress(behindProxy({ 'x-real-ip': '203.0.113.8' }), true)).toEqual({
      ip: '203.0.113.8',
      host: '127.0.0.1:3000',
      protocol: 'http',
    });
  });

  it('trusts the proxy on Vercel unless TRUSTED_PROXY says otherwise', () => {
    expect(parseEnv({ NODE_ENV: 'development', VERCEL: '1' }).TRUSTED_PROXY).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development' }).TRUSTED_PROXY).toBe(false);
  });
});

describe('checkOrigin and TRUSTED_PROXY', () => {
  const fromPublicSite = (headers: Record<string, string>) => behindProxy({ origin: 'https://levqor.io', ...headers });

  it('refuses a forged X-Forwarded-Host that matches a foreign Origin when no proxy is trusted', () => {
    const forged = new Request('http://levqor.io/api/workflows', {
      method: 'POST',
      headers: { host: 'levqor.io', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(() => checkOrigin(forged, false)).toThrow(/Cross-site/);
  });

  it('accepts the public origin named by a trusted proxy', () => {
    expect(() => checkOrigin(fromPublicSite({ 'x-forwarded-host': 'levqor.io' }), true)).not.toThrow();
  });

  it('compares against Host alone without a trusted proxy, so the proxied origin is refused', () => {
    expect(() => checkOrigin(fromPublicSite({ 'x-forwarded-host': 'levqor.io' }), false)).toThrow(/Cross-site/);
  });

  it('accepts a same-origin request by Host without a proxy', () => {
    const direct = new Request('http://levqor.io/api/workflows', {
      method: 'POST',
      headers: { host: 'levqor.io', origin: 'http://levqor.io' },
    });
    expect(() => checkOrigin(direct, false)).not.toThrow();
  });
});
