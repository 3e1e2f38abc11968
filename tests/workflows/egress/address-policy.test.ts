import { describe, expect, it, vi } from 'vitest';
import { checkAddress, checkUrlStatically } from '@/lib/workflows/egress/address-policy';
import { parseAllowlist } from '@/lib/workflows/egress/allowlist';

const none = parseAllowlist('');

describe('address policy', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['10.0.0.1', /private/],
    ['172.16.5.4', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /cloud metadata/],
    ['169.254.1.1', /link-local/],
    ['100.100.100.200', /cloud metadata/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.1', /multicast/],
    ['240.0.0.1', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fc00::1', /unique-local/],
    ['fd00:ec2::254', /cloud metadata/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /embeds 127\.0\.0\.1, a loopback address/],
    ['::ffff:a9fe:a9fe', /embeds 169\.254\.169\.254, a cloud metadata address/],
    ['::127.0.0.1', /embeds 127\.0\.0\.1/],
    ['::ffff:0:10.0.0.1', /embeds 10\.0\.0\.1/],
    ['64:ff9b::10.0.0.1', /embeds 10\.0\.0\.1/],
    ['2002:c0a8:101::1', /embeds 192\.168\.1\.1/],
    ['2001:db8::1', /reserved/],
  ])('refuses %s', (address, reason) => {
    const verdict = checkAddress(address, none);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '100.128.0.1'])(
    'allows the public address %s',
    (address) => {
      expect(checkAddress(address, none)).toEqual({ ok: true });
    },
  );

  it('allows private addresses only inside an allow-listed IP or CIDR', () => {
    const allowlist = parseAllowlist('10.1.0.0/16, 192.168.1.7, ::1');
    expect(checkAddress('10.1.2.3', allowlist).ok).toBe(true);
    expect(checkAddress('::ffff:10.1.2.3', allowlist).ok).toBe(true);
    expect(checkAddress('10.2.0.1', allowlist).ok).toBe(false);
    expect(checkAddress('192.168.1.7', allowlist).ok).toBe(true);
    expect(checkAddress('192.168.1.8', allowlist).ok).toBe(false);
    expect(checkAddress('::1', allowlist).ok).toBe(true);
  });
});

describe('static URL check (validator)', () => {
  it.each([
    ['http://127.0.0.1/admin', /loopback/],
    ['http://2130706433/', /127\.0\.0\.1 is a loopback/],
    ['http://0x7f.0.0.1/', /127\.0\.0\.1 is a loopback/],
    ['http://017700000001/', /127\.0\.0\.1 is a loopback/],
    ['http://0177.0.0.1/', /127\.0\.0\.1 is a loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    ['http://10.0.0.1:8080/', /private/],
    ['http://localhost:3000/', /internal host name/],
    ['http://LOCALHOST./', /internal host name/],
    ['http://api.localhost/', /internal host name/],
    ['http://metadata.google.internal/computeMetadata/v1/', /internal host name/],
    ['ftp://example.com/file', /Only http and https/],
    ['file:///etc/passwd', /Only http and https/],
    ['https://user:secret@example.com/', /user name or password/],
    ['not a url', /not a valid URL/],
    ['http://127.0.0.1/items/{{trigger.payload.id}}', /loopback/],
  ])('refuses %s', (url, reason) => {
    const verdict = checkUrlStatically(url, none);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });

  it.each([
    'https://api.example.com/v1/items?x=1',
    'https://api.example.com/items/{{trigger.payload.id}}',
    '{{trigger.payload.url}}',
    'https://{{trigger.payload.host}}/hook',
    'https://hooks.slack.com/services/T000/B000/XXXX',
  ])('accepts %s', (url) => {
    expect(checkUrlStatically(url, none)).toEqual({ ok: true });
  });

  it('accepts an internal name or address once it is allow-listed', () => {
    const allowlist = parseAllowlist('localhost,*.corp.example,127.0.0.0/8');
    expect(checkUrlStatically('http://localhost:3000/', allowlist).ok).toBe(true);
    expect(checkUrlStatically('http://erp.corp.example/api', allowlist).ok).toBe(true);
    expect(checkUrlStatically('http://127.0.0.9/', allowlist).ok).toBe(true);
    expect(checkUrlStatically('http://metadata.google.internal/', allowlist).ok).toBe(false);
  });

  it('reads WORKFLOW_EGRESS_ALLOWLIST from the environment', async () => {
    vi.stubEnv('WORKFLOW_EGRESS_ALLOWLIST', '10.20.0.0/16, intranet.local');
    vi.resetModules();
    try {
      const policy = await import('@/lib/workflows/egress/address-policy');
      expect(policy.checkUrlStatically('http://10.20.3.4/').ok).toBe(true);
      expect(policy.checkUrlStatically('http://intranet.local/').ok).toBe(true);
      expect(policy.checkUrlStatically('http://10.21.0.1/').ok).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
