import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { harness, request } from './route-harness';

vi.mock('@/db', async () => {
  const { harness: h } = await import('./route-harness');
  return { getDb: async () => h.db, getDbOrNull: async () => h.db };
});

// NOTE: clients are told apart by X-Forwarded-For, which is believed only behind a trusted proxy.
process.env.TRUSTED_PROXY = '1';

const { POST } = await import('@/app/api/guardian/telemetry/ingest/route');

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  harness.db = test.db;
});
afterAll(async () => {
  await test.close();
  delete process.env.TRUSTED_PROXY;
});
beforeEach(async () => {
  await test.db.deleteFrom('rate_limits').execute();
  await test.db.deleteFrom('telemetry_logs').execute();
});

const ingest = (body: string, headers: Record<string, string> = {}) =>
  POST(
    request('/api/guardian/telemetry/ingest', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', ...headers },
    }),
  );
const stored = () => test.db.selectFrom('telemetry_logs').selectAll().orderBy('id').execute();

describe('POST /api/guardian/telemetry/ingest', () => {
  it('stores a batch as web.* rows with paths reduced to their shape and emails masked', async () => {
    const response = await ingest(
      JSON.stringify({
        events: [
          {
            type: 'error',
            name: 'uncaught_error',
            message: 'Failed for jane.doe@example.com',
            path: '/invite/a8Yb3kQ9zX1cV7nM2pL5sD6fG4hJ0wE?ref=mail',
          },
          { type: 'performance', name: 'page_load', path: '/dashboard', duration_ms: 840, meta: { ttfb_ms: 120 } },
          { type: 'event', name: 'template.copied', meta: { template: 'nightly-backup', email: 'x@y.io' } },
        ],
      }),
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 3 });
    const rows = await stored();
    expect(rows.map((row) => [row.kind, row.level, row.name])).toEqual([
      ['error', 'error', 'web.uncaught_error'],
      ['performance', 'info', 'web.page_load'],
      ['event', 'info', 'web.template.copied'],
    ]);
    expect(rows[0]).toMatchObject({ message: 'Failed for j***@example.com', path: '/invite/:token' });
    expect(rows[1]).toMatchObject({ duration_ms: 840, meta: { ttfb_ms: 120, source: 'browser' } });
    expect(rows[2]!.meta).toEqual({ template: 'nightly-backup', email: '[REDACTED]', source: 'browser' });
    expect(JSON.stringify(rows)).not.toContain('203.0.113.7');
  });

  it('rejects a body over 16 KiB with 413 and stores nothing', async () => {
    const events = Array.from({ length: 25 }, () => ({
      type: 'event',
      name: 'big',
      message: 'x'.repeat(500),
      meta: { a: 'y'.repeat(200), b: 'z'.repeat(200) },
    }));
    const response = await ingest(JSON.stringify({ events }));
    expect(response.status).toBe(413);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"events": [', 400],
    ['no events', JSON.stringify({ events: [] }), 422],
    [
      'more than 25 events',
      JSON.stringify({ events: Array.from({ length: 26 }, () => ({ type: 'event', name: 'a' })) }),
      422,
    ],
    ['an unknown type', JSON.stringify({ events: [{ type: 'log', name: 'a' }] }), 422],
    ['a name with spaces', JSON.stringify({ events: [{ type: 'event', name: 'drop table' }] }), 422],
    ['an unexpected field', JSON.stringify({ events: [{ type: 'event', name: 'a', user_email: 'a@b.co' }] }), 422],
    ['nested metadata', JSON.stringify({ events: [{ type: 'event', name: 'a', meta: { deep: { x: 1 } } }] }), 422],
    ['a negative duration', JSON.stringify({ events: [{ type: 'performance', name: 'a', duration_ms: -1 }] }), 422],
  ])('rejects %s and stores nothing', async (_name, body, status) => {
    const response = await ingest(body);
    expect(response.status).toBe(status);
    expect(await stored()).toEqual([]);
  });

  it('rejects a body that is not JSON with 415', async () => {
    expect((await ingest('events=1', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses batches sent from another site', async () => {
    const response = await ingest(JSON.stringify({ events: [{ type: 'event', name: 'a' }] }), {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('limits each client to 30 batches a minute behind a trusted proxy, with Retry-After, without slowing other clients', async () => {
    // Freeze the clock inside one window so the batches cannot straddle its boundary.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T12:01:00Z'));
    try {
      const body = JSON.stringify({ events: [{ type: 'event', name: 'tick' }] });
      for (let i = 0; i < 30; i++) expect((await ingest(body)).status).toBe(202);
      const limited = await ingest(body);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await ingest(body, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(202);
    } finally {
      vi.useRealTimers();
    }
    const keys = await test.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.map((row) => row.key).join()).not.toContain('203.0.113.7');
  });
});
