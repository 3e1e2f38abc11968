import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { logError } from '@/lib/guardian/telemetry';
import { clearProbeCache } from '@/lib/system/checks';
import { getHeartbeat, RECENT_ERROR_THRESHOLD } from '@/lib/system/heartbeat';
import { startLocalServer, type LocalServer } from '../helpers/http-server';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
let stripe: LocalServer;
let stripeStatus = 200;

beforeAll(async () => {
  test = await createTestDb();
  stripe = await startLocalServer((req, res) => {
    res.writeHead(stripeStatus, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url === '/v1/balance' ? { object: 'balance', available: [] } : { error: { message: 'Unknown path' } },
      ),
    );
  });
});
afterAll(async () => {
  await stripe.close();
  await test.close();
});
afterEach(async () => {
  clearProbeCache();
  stripeStatus = 200;
  await test.db.deleteFrom('telemetry_logs').execute();
});

const baseEnv = parseEnv({ NODE_ENV: 'test' });

describe('heartbeat', () => {
  it('is ok with a live database and honest about unconfigured services', async () => {
    const heartbeat = await getHeartbeat(test.db, baseEnv);
    expect(heartbeat).toMatchObject({
      status: 'ok',
      db_ok: true,
      stripe_ok: 'not_configured',
      brain_ok: 'not_configured',
      error_count_recent: 0,
    });
    expect(heartbeat.uptime_seconds).toBeGreaterThanOrEqual(0);
    expect(heartbeat.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(heartbeat.checks.db.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('is down when the database cannot be reached', async () => {
    const heartbeat = await getHeartbeat(null, baseEnv);
    expect(heartbeat).toMatchObject({ status: 'down', db_ok: false, error_count_recent: null });
  });

  it('counts recent errors and turns degraded past the threshold', async () => {
    for (let i = 0; i < 3; i++)
      await logError(test.db, { name: 'api.unhandled_error', message: `boom ${i}`, path: '/api/x', status: 500 });
    expect((await getHeartbeat(test.db, baseEnv)).error_count_recent).toBe(3);
    const rows = Array.from({ length: RECENT_ERROR_THRESHOLD }, (_, i) => ({
      level: 'error' as const,
      kind: 'error' as const,
      name: 'api.unhandled_error',
      message: `more ${i}`,
    }));
    await test.db.insertInto('telemetry_logs').values(rows).execute();
    expect((await getHeartbeat(test.db, baseEnv)).status).toBe('degraded');
  });

  it('does not count errors older than the window', async () => {
    await test.db
      .insertInto('telemetry_logs')
      .values({ level: 'error', kind: 'error', name: 'old', created_at: new Date(Date.now() - 60 * 60_000) })
      .execute();
    expect((await getHeartbeat(test.db, baseEnv)).error_count_recent).toBe(0);
  });

  it('asks Stripe when a key is configured, and degrades when Stripe refuses', async () => {
    const env = parseEnv({ NODE_ENV: 'test', STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_API_BASE: stripe.url });
    expect((await getHeartbeat(test.db, env)).stripe_ok).toBe(true);
    expect(stripe.requests.at(-1)?.headers.authorization).toBe('Bearer sk_test_123');

    clearProbeCache();
    stripeStatus = 401;
    const heartbeat = await getHeartbeat(test.db, env);
    expect(heartbeat).toMatchObject({ stripe_ok: false, status: 'degraded' });
  });

  it('asks the AI provider when a key is configured', async () => {
    const ai = await startLocalServer((req, res) => {
      res.writeHead(req.url === '/v1/models' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] }));
    });
    try {
      const env = parseEnv({ NODE_ENV: 'test', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${ai.url}/v1` });
      expect((await getHeartbeat(test.db, env)).brain_ok).toBe(true);
    } finally {
      await ai.close();
    }
  });

  it('reports an unreachable provider as not ok rather than hanging', async () => {
    const env = parseEnv({ NODE_ENV: 'test', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' });
    expect(await getHeartbeat(test.db, env)).toMatchObject({ brain_ok: false, status: 'degraded' });
  });
});
