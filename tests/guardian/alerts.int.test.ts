import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Anomaly } from '@/lib/guardian/anomaly-rules';
import { alertCriticalAnomalies, REALERT_AFTER_MS } from '@/lib/guardian/send-alerts';
import { sendTelegramAlert } from '@/lib/guardian/send-telegram';
import { parseEnv } from '@/lib/env';
import { startLocalServer, type LocalServer } from '../helpers/http-server';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { clearGuardianData } from './seed-telemetry';

let test: TestDb;
let telegram: LocalServer;
let telegramBodies: unknown[] = [];
let telegramStatus = 200;

const critical: Anomaly = {
  fingerprint: 'heartbeat_stale',
  kind: 'heartbeat_stale',
  severity: 'critical',
  title: 'No heartbeat for 7 minutes',
  details: { minutes: 7 },
};
const warning: Anomaly = {
  fingerprint: 'slow_endpoint:GET /api/x',
  kind: 'slow_endpoint',
  severity: 'warning',
  title: 'slow',
  details: {},
};
const now = new Date('2026-11-20T12:00:00Z');

const envWith = (extra: Record<string, string> = {}) =>
  parseEnv({ NODE_ENV: 'test', ADMIN_EMAIL: 'ops@levqor.test', APP_URL: 'https://levqor.test', ...extra });
const outbox = () =>
  test.db.selectFrom('email_outbox').select(['to_address', 'subject', 'text', 'kind']).orderBy('to_address').execute();

beforeAll(async () => {
  test = await createTestDb();
  await test.db.insertInto('users').values({ email: 'second-admin@levqor.test', is_admin: true }).execute();
  telegram = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      telegramBodies.push({ url: req.url, body: JSON.parse(body) });
      res
        .writeHead(telegramStatus, { 'content-type': 'application/json' })
        .end(
          JSON.stringify(
            telegramStatus === 200
              ? { ok: true, result: {} }
              : { ok: false, description: 'Bad Request: chat not found' },
          ),
        );
    });
  });
});
afterAll(async () => {
  await telegram.close();
  await test.close();
});
beforeEach(async () => {
  await clearGuardianData(test.db);
  telegramBodies = [];
  telegramStatus = 200;
});

describe('critical anomaly alerts', () => {
  it('email every operator once, and say nothing about warnings', async () => {
    const outcome = await alertCriticalAnomalies(test.db, [critical, warning], { now, env: envWith() });
    expect(outcome).toEqual({ sent: ['heartbeat_stale'], suppressed: [], failed: [] });
    const emails = await outbox();
    expect(emails.map((email) => email.to_address)).toEqual(['ops@levqor.test', 'second-admin@levqor.test']);
    expect(emails[0]).toMatchObject({
      kind: 'operator_alert',
      subject: '[Levqor] Critical: No heartbeat for 7 minutes',
    });
    expect(emails[0]!.text).toContain('https://levqor.test/admin/guardian');
  });

  it('do not repeat within 6 hours, then remind if the problem is still there', async () => {
    await alertCriticalAnomalies(test.db, [critical], { now, env: envWith() });
    const again = await alertCriticalAnomalies(test.db, [critical], {
      now: new Date(now.getTime() + 3_600_000),
      env: envWith(),
    });
    expect(again.suppressed).toEqual(['heartbeat_stale']);
    expect(await outbox()).toHaveLength(2);
    const later = await alertCriticalAnomalies(test.db, [critical], {
      now: new Date(now.getTime() + REALERT_AFTER_MS + 1),
      env: envWith(),
    });
    expect(later.sent).toEqual(['heartbeat_stale']);
    expect(await outbox()).toHaveLength(4);
    const record = await test.db.selectFrom('guardian_alerts').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({ occurrences: 3, channels: ['email'] });
  });

  it('also go to the Telegram chat when it is configured', async () => {
    const env = envWith({
      TELEGRAM_ALERT_BOT_TOKEN: '123:abc',
      TELEGRAM_ALERT_CHAT_ID: '-100200',
      TELEGRAM_API_BASE: telegram.url,
    });
    await alertCriticalAnomalies(test.db, [critical], { now, env });
    expect(telegramBodies).toEqual([
      {
        url: '/bot123:abc/sendMessage',
        body: expect.objectContaining({
          chat_id: '-100200',
          text: expect.stringContaining('No heartbeat for 7 minutes'),
        }),
      },
    ]);
    expect((await test.db.selectFrom('guardian_alerts').select('channels').executeTakeFirstOrThrow()).channels).toEqual(
      ['email', 'telegram'],
    );
  });

  it('still count as sent by email when Telegram refuses', async () => {
    telegramStatus = 400;
    const env = envWith({
      TELEGRAM_ALERT_BOT_TOKEN: '123:secret',
      TELEGRAM_ALERT_CHAT_ID: '-1',
      TELEGRAM_API_BASE: telegram.url,
    });
    const outcome = await alertCriticalAnomalies(test.db, [critical], { now, env });
    expect(outcome.sent).toEqual(['heartbeat_stale']);
    expect((await test.db.selectFrom('guardian_alerts').select('channels').executeTakeFirstOrThrow()).channels).toEqual(
      ['email'],
    );
    const error = await sendTelegramAlert(env, 'x').catch((thrown: Error) => thrown);
    expect(String(error)).toMatch(/Telegram answered HTTP 400: Bad Request: chat not found/);
    expect(String(error)).not.toContain('secret');
  });

  it('fail (so the job retries) when no channel delivered, and send on the retry', async () => {
    const failing = envWith({ RESEND_API_KEY: 're_test_123' });
    const refuse = (async () => new Response('{}', { status: 500 })) as typeof fetch;
    await expect(alertCriticalAnomalies(test.db, [critical], { now, env: failing, fetchImpl: refuse })).rejects.toThrow(
      /Could not deliver 1 critical alert/,
    );
    expect(
      (await test.db.selectFrom('guardian_alerts').select('last_sent_at').executeTakeFirstOrThrow()).last_sent_at,
    ).toBeNull();
    expect((await alertCriticalAnomalies(test.db, [critical], { now, env: envWith() })).sent).toEqual([
      'heartbeat_stale',
    ]);
  });
});
