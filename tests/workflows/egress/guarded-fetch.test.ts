import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { StepError } from '@/lib/workflows/steps/types';
import { type LocalServer, startLocalServer } from '../../helpers/http-server';
import { fakeLookup } from '../steps/helpers/fake-lookup';

let target: LocalServer;
let other: LocalServer;
let port: string;
const lookup = fakeLookup({
  'evil.example': '127.0.0.1',
  'mapped.example': '::ffff:127.0.0.1',
  'trusted.test': '127.0.0.1',
  'mixed.example': ['93.184.216.34', '10.0.0.7'],
});

beforeAll(async () => {
  target = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const to = url.searchParams.get('to');
    if (url.pathname === '/redirect' && to) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to }).end();
    } else if (url.pathname === '/loop') {
      const n = Number(url.searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
    } else if (url.pathname === '/slow') {
      setTimeout(() => res.end('late'), 2_000);
    } else if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x'.repeat(600));
      res.end('y'.repeat(600));
    } else if (url.pathname === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' }).end('z'.repeat(5000));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: url.pathname }));
    }
  });
  other = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ method: req.method, body, authorization: req.headers.authorization ?? null })),
    );
  });
  port = new URL(target.url).port;
});
afterAll(async () => {
  await Promise.all([target.close(), other.close()]);
});

async function refusal(promise: Promise<unknown>): Promise<StepError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StepError);
  return error as StepError;
}

const hits = (server: LocalServer, path: string) =>
  server.requests.filter((request) => request.url.startsWith(path)).length;

describe('guardedFetch refuses internal addresses', () => {
  it.each([
    ['loopback 127.0.0.1', () => `http://127.0.0.1:${port}/secret-a`, /127\.0\.0\.1 is a loopback address/],
    ['private 10.0.0.1', () => 'http://10.0.0.1/', /10\.0\.0\.1 is a private network address/],
    ['cloud metadata 169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    [
      'IPv4-mapped IPv6 [::ffff:127.0.0.1]',
      () => `http://[::ffff:127.0.0.1]:${port}/secret-a`,
      /embeds 127\.0\.0\.1, a loopback address/,
    ],
    ['localhost', () => `http://localhost:${port}/secret-a`, /localhost is an internal host name/],
  ])('refuses %s without sending anything', async (_name, url, reason) => {
    const error = await refusal(guardedFetch(url(), {}, { lookup, allowlist: [] }));
    expect(error).toMatchObject({ code: 'egress_refused', retryable: false });
    expect(error.message).toMatch(reason);
    expect(hits(target, '/secret-a')).toBe(0);
  });

  it('refuses loopback with the defaults the engine uses (no options: the environment allow-list)', async () => {
    const error = await refusal(guardedFetch(`${target.url}/secret-a`));
    expect(error).toMatchObject({ code: 'egress_refused', retryable: false });
    expect(hits(target, '/secret-a')).toBe(0);
  });

  it('refuses a hostname that resolves to loopback, at connect time', async () => {
    const error = await refusal(guardedFetch(`http://evil.example:${port}/secret-b`, {}, { lookup, allowlist: [] }));
    expect(error).toMatchObject({ code: 'egress_refused', retryable: false });
    expect(error.message).toMatch(/Refused to connect to evil\.example: 127\.0\.0\.1 is a loopback address/);
    expect(lookup.calls).toContain('evil.example');
    expect(hits(target, '/secret-b')).toBe(0);
  });

  it('refuses a hostname that resolves to an IPv4-mapped loopback address', async () => {
    const error = await refusal(guardedFetch(`http://mapped.example:${port}/secret-b`, {}, { lookup, allowlist: [] }));
    expect(error.message).toMatch(/mapped\.example: ::ffff:127\.0\.0\.1 embeds 127\.0\.0\.1/);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const error = await refusal(guardedFetch('http://mixed.example/', {}, { lookup, allowlist: [] }));
    expect(error.message).toMatch(/10\.0\.0\.7 is a private network address/);
  });

  it('refuses a redirect from an allow-listed server to a loopback name that is not allow-listed', async () => {
    const error = await refusal(
      guardedFetch(
        `http://trusted.test:${port}/redirect?to=${encodeURIComponent(`http://evil.example:${port}/secret-c`)}`,
        {},
        { lookup, allowlist: ['trusted.test'] },
      ),
    );
    expect(error).toMatchObject({ code: 'egress_refused' });
    expect(error.message).toMatch(/evil\.example/);
    expect(hits(target, '/redirect')).toBe(1);
    expect(hits(target, '/secret-c')).toBe(0);
  });

  it.each([`http://localhost:PORT/secret-d`, `http://[::1]:PORT/secret-d`, `http://0x7f000002:PORT/secret-d`])(
    'refuses a redirect from an allow-listed 127.0.0.1 to %s',
    async (location) => {
      const to = encodeURIComponent(location.replace('PORT', port));
      const error = await refusal(
        guardedFetch(`http://127.0.0.1:${port}/redirect?status=307&to=${to}`, {}, { lookup, allowlist: ['127.0.0.1'] }),
      );
      expect(error).toMatchObject({ code: 'egress_refused', retryable: false });
      expect(hits(target, '/secret-d')).toBe(0);
    },
  );
});

describe('guardedFetch reaches what it may', () => {
  it('allows an allow-listed local server and returns its response', async () => {
    const response = await guardedFetch(`${target.url}/hello`, {}, { lookup, allowlist: ['127.0.0.1'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ path: '/hello' });
  });

  it('follows allowed redirects, keeping the method on 307 and dropping credentials across origins', async () => {
    const to = encodeURIComponent(`${other.url}/echo`);
    const response = await guardedFetch(
      `${target.url}/redirect?status=307&to=${to}`,
      { method: 'POST', body: 'payload', headers: { authorization: 'Bearer secret', 'idempotency-key': 'run:step' } },
      { lookup, allowlist: ['127.0.0.1'] },
    );
    expect(await response.json()).toEqual({ method: 'POST', body: 'payload', authorization: null });
    expect(other.requests.at(-1)?.headers['idempotency-key']).toBe('run:step');
  });

  it('turns a POST into a GET on 303', async () => {
    const to = encodeURIComponent(`${other.url}/echo`);
    const response = await guardedFetch(
      `${target.url}/redirect?status=303&to=${to}`,
      { method: 'POST', body: 'payload' },
      { lookup, allowlist: ['127.0.0.1'] },
    );
    expect(await response.json()).toMatchObject({ method: 'GET', body: '' });
  });

  it('stops after five redirects', async () => {
    const error = await refusal(guardedFetch(`${target.url}/loop`, {}, { lookup, allowlist: ['127.0.0.1'] }));
    expect(error).toMatchObject({ code: 'too_many_redirects', retryable: false });
    expect(hits(target, '/loop')).toBe(6);
  });

  it('times out with a retryable error', async () => {
    const error = await refusal(
      guardedFetch(`${target.url}/slow`, { timeoutMs: 200 }, { lookup, allowlist: ['127.0.0.1'] }),
    );
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('reports an unreachable allowed host as a retryable network error', async () => {
    const closed = await startLocalServer((_req, res) => res.end());
    await closed.close();
    const error = await refusal(guardedFetch(`${closed.url}/`, {}, { lookup, allowlist: ['127.0.0.1'] }));
    expect(error).toMatchObject({ code: 'network_error', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('caps the response size', async () => {
    const streamed = await guardedFetch(
      `${target.url}/big`,
      { maxResponseBytes: 1_000 },
      { lookup, allowlist: ['127.0.0.1'] },
    );
    await expect(streamed.text()).rejects.toMatchObject({ code: 'response_too_large' });
    const declared = await refusal(
      guardedFetch(`${target.url}/big-declared`, { maxResponseBytes: 1_000 }, { lookup, allowlist: ['127.0.0.1'] }),
    );
    expect(declared).toMatchObject({ code: 'response_too_large', retryable: false });
    const fits = await guardedFetch(
      `${target.url}/big`,
      { maxResponseBytes: 2_000 },
      { lookup, allowlist: ['127.0.0.1'] },
    );
    expect((await fits.text()).length).toBe(1_200);
  });
});
