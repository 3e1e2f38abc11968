// /api/v1/webhooks: subscribe a URL (secret shown once), read, change, pause, unsubscribe, see deliveries with their
// attempts, send a test ping and redeliver; admin-only changes, https-only public URLs, other workspaces' ids 404.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashRequest } from '@/lib/api/v1/idempotency';
import { MAX_WEBHOOKS_PER_WORKSPACE } from '@/lib/webhooks/create-webhook';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { verifyWebhookSignature } from '@/lib/webhooks/signature';
import { database } from '../../helpers/route-request';
import { type LocalServer, startLocalServer } from '../../helpers/http-server';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';
import { insertSubscription } from '../../webhooks/fixtures';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
process.env.WORKFLOW_EGRESS_ALLOWLIST = '127.0.0.1';

const collection = await import('@/app/api/v1/webhooks/route');
const item = await import('@/app/api/v1/webhooks/[id]/route');
const deliveries = await import('@/app/api/v1/webhooks/[id]/deliveries/route');
const redeliver = await import('@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route');
const ping = await import('@/app/api/v1/webhooks/[id]/test/route');

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let stranger: Awaited<ReturnType<typeof seedApiCaller>>;
let server: LocalServer;
let status = 200;
const bodies: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
const suite = contractSuite();

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  stranger = await seedApiCaller(test.db);
  server = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      bodies.push({ body, headers: req.headers });
      res.writeHead(status).end();
    });
  });
});
afterAll(async () => {
  suite.expectCovered(operationsOfTag('Webhooks'), 'own');
  await server?.close();
  await test?.close();
});
beforeEach(async () => {
  status = 200;
  await resetRateLimits(test.db);
});

async function create(json: unknown, key = caller.keys.full, headers: Record<string, string> = {}) {
  return callRoute(collection.POST, '/api/v1/webhooks', { method: 'POST', key, json, headers });
}

async function createOk(events = ['run.failed']) {
  return suite.check('createWebhook', await create({ url: `${server.url}/hooks`, events }));
}

describe('subscribing', () => {
  it('creates a subscription and shows its secret once; reads never return it', async () => {
    const created = await suite.check(
      'createWebhook',
      await create({
        url: `${server.url}/zap`,
        events: ['run.failed', 'run.succeeded', 'run.failed'],
        description: 'Zapier',
      }),
    );
    expect(created).toMatchObject({ url: `${server.url}/zap`, events: ['run.failed', 'run.succeeded'], enabled: true });
    expect(created.secret).toMatch(/^whsec_/);
    const fetched = await callRoute(item.GET, `/api/v1/webhooks/${created.id}`, {
      key: caller.keys.read,
      params: { id: created.id },
    });
    const text = await fetched.clone().text();
    expect(text).not.toContain(created.secret);
    expect(await suite.check('getWebhook', fetched)).toMatchObject({ id: created.id, description: 'Zapier' });
    const stored = await test.db
      .selectFrom('webhook_subscriptions')
      .select('secret')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(created.secret);
  });

  it('refuses plain http, credentials in the URL and private addresses, naming `url`', async () => {
    for (const url of [
      'http://hooks.example.com/x',
      'https://user:pw@hooks.example.com/x',
      'https://10.0.0.8/x',
      'https://localhost/x',
    ]) {
      const response = await create({ url, events: ['run.failed'] });
      expect(response.status, url).toBe(422);
      const body = await suite.check('createWebhook', response);
      expect(body.error.details.issues[0].path).toBe('url');
    }
  });

  it('refuses an unknown event and an empty event list', async () => {
    for (const events of [['run.exploded'], []]) {
      const response = await create({ url: 'https://hooks.example.com/x', events });
      expect(response.status).toBe(422);
      expect((await suite.check('createWebhook', response)).error.details.issues[0].path).toMatch(/^events/);
    }
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const json = { url: 'https://hooks.example.com/idem', events: ['run.failed'] };
    const headers = { 'idempotency-key': 'webhook-idem-1' };
    const first = await suite.check('createWebhook', await create(json, caller.keys.full, headers));
    const again = await suite.check('createWebhook', await create(json, caller.keys.full, headers));
    expect(again.id).toBe(first.id);
    const other = await create({ ...json, events: ['run.succeeded'] }, caller.keys.full, headers);
    expect(other.status).toBe(422);
    expect((await suite.check('createWebhook', other)).error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while a request with the same Idempotency-Key is still running', async () => {
    const json = { url: 'https://hooks.example.com/busy', events: ['run.failed'] };
    await test.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: caller.workspaceId,
        key: 'busy-key',
        operation_id: 'createWebhook',
        request_hash: hashRequest('POST', '/api/v1/webhooks', json),
        status: 'pending',
      })
      .execute();
    const response = await create(json, caller.keys.full, { 'idempotency-key': 'busy-key' });
    expect((await suite.check('createWebhook', response)).error.code).toBe('idempotency_key_in_use');
  });

  it('caps the subscriptions of a workspace', async () => {
    const crowded = await seedApiCaller(test.db);
    for (let i = 0; i < MAX_WEBHOOKS_PER_WORKSPACE; i++) await insertSubscription(test.db, crowded.workspaceId);
    const response = await create({ url: 'https://hooks.example.com/x', events: ['run.failed'] }, crowded.keys.full);
    expect((await suite.check('createWebhook', response)).error.code).toBe('limit_reached');
  });
});

describe('reading, changing and unsubscribing', () => {
  it('pages through the subscriptions of the workspace only', async () => {
    const own = await seedApiCaller(test.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await insertSubscription(test.db, own.workspaceId));
    await insertSubscription(test.db, stranger.workspaceId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = await suite.check(
        'listWebhooks',
        await callRoute(collection.GET, `/api/v1/webhooks${query}`, { key: own.keys.read }),
      );
      seen.push(...page.data.map((webhook: { id: string }) => webhook.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
  });

  it('pauses and resumes a subscription, and changes its events', async () => {
    const { id } = await createOk();
    const paused = await suite.check(
      'updateWebhook',
      await callRoute(item.PATCH, `/api/v1/webhooks/${id}`, {
        method: 'PATCH',
        key: caller.keys.full,
        params: { id },
        json: { enabled: false, events: ['run.succeeded'] },
      }),
    );
    expect(paused).toMatchObject({ enabled: false, events: ['run.succeeded'] });
    const countFor = async () =>
      (await test.db.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', id).execute()).length;
    await emitWebhookEvent(test.db, caller.workspaceId, 'run.succeeded', { run: {} });
    expect(await countFor()).toBe(0);
    const resumed = await suite.check(
      'updateWebhook',
      await callRoute(item.PATCH, `/api/v1/webhooks/${id}`, {
        method: 'PATCH',
        key: caller.keys.full,
        params: { id },
        json: { enabled: true },
      }),
    );
    expect(resumed.enabled).toBe(true);
    await emitWebhookEvent(test.db, caller.workspaceId, 'run.succeeded', { run: {} });
    expect(await countFor()).toBe(1);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.updated']);
  });

  it('lets only admin keys change subscriptions, and answers 404 for another workspace’s', async () => {
    const { id } = await createOk();
    const byWriter = await callRoute(item.PATCH, `/api/v1/webhooks/${id}`, {
      method: 'PATCH',
      key: caller.keys.write,
      params: { id },
      json: { enabled: false },
    });
    expect(byWriter.status).toBe(403);
    for (const [route, method] of [
      [item.GET, 'GET'],
      [item.PATCH, 'PATCH'],
      [item.DELETE, 'DELETE'],
    ] as const) {
      const response = await callRoute(route, `/api/v1/webhooks/${id}`, {
        method,
        key: stranger.keys.full,
        params: { id },
        ...(method === 'PATCH' ? { json: { enabled: false } } : {}),
      });
      expect(response.status, method).toBe(404);
    }
  });

  it('unsubscribes with 204 (REST hooks), after which the webhook is gone', async () => {
    const { id } = await createOk();
    const response = await callRoute(item.DELETE, `/api/v1/webhooks/${id}`, {
      method: 'DELETE',
      key: caller.keys.full,
      params: { id },
    });
    await suite.check('deleteWebhook', response);
    expect(response.status).toBe(204);
    const after = await callRoute(item.GET, `/api/v1/webhooks/${id}`, { key: caller.keys.read, params: { id } });
    expect(after.status).toBe(404);
  });
});

describe('deliveries, test events and redelivery', () => {
  it('sends a signed ping now and lists it with its attempt', async () => {
    const { id, secret } = await createOk();
    bodies.length = 0;
    const delivery = await suite.check(
      'testWebhook',
      await callRoute(ping.POST, `/api/v1/webhooks/${id}/test`, {
        method: 'POST',
        key: caller.keys.write,
        params: { id },
      }),
    );
    expect(delivery).toMatchObject({
      webhookId: id,
      eventType: 'ping',
      status: 'succeeded',
      attemptCount: 1,
      lastStatusCode: 200,
    });
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 200, error: null });
    const [received] = bodies;
    expect(
      verifyWebhookSignature({
        secrets: [secret],
        body: received!.body,
        signature: received!.headers['x-levqor-signature'] as string,
        timestamp: received!.headers['x-levqor-timestamp'] as string,
      }),
    ).toEqual({ ok: true });
    const page = await suite.check(
      'listWebhookDeliveries',
      await callRoute(deliveries.GET, `/api/v1/webhooks/${id}/deliveries`, { key: caller.keys.read, params: { id } }),
    );
    expect(page.data.map((row: { id: string }) => row.id)).toEqual([delivery.id]);
  });

  it('shows a failed ping with the status code, and redelivers an event under the same event id', async () => {
    const { id } = await createOk();
    status = 503;
    const failed = await suite.check(
      'testWebhook',
      await callRoute(ping.POST, `/api/v1/webhooks/${id}/test`, {
        method: 'POST',
        key: caller.keys.write,
        params: { id },
      }),
    );
    expect(failed).toMatchObject({
      status: 'failed',
      lastStatusCode: 503,
      lastError: 'The receiver answered 503',
      nextAttemptAt: null,
    });
    status = 200;
    const again = await suite.check(
      'redeliverWebhookDelivery',
      await callRoute(redeliver.POST, `/api/v1/webhooks/${id}/deliveries/${failed.id}/redeliver`, {
        method: 'POST',
        key: caller.keys.write,
        params: { id, deliveryId: failed.id },
      }),
    );
    expect(again).toMatchObject({ status: 'succeeded', eventId: failed.eventId });
    expect(again.id).not.toBe(failed.id);
    const pending = await suite.check(
      'listWebhookDeliveries',
      await callRoute(deliveries.GET, `/api/v1/webhooks/${id}/deliveries?status=failed`, {
        key: caller.keys.read,
        params: { id },
      }),
    );
    expect(pending.data.map((row: { id: string }) => row.id)).toEqual([failed.id]);
  });

  it('refuses to test or redeliver through a paused subscription (409)', async () => {
    const { id } = await createOk();
    const sent = await suite.check(
      'testWebhook',
      await callRoute(ping.POST, `/api/v1/webhooks/${id}/test`, {
        method: 'POST',
        key: caller.keys.write,
        params: { id },
      }),
    );
    await callRoute(item.PATCH, `/api/v1/webhooks/${id}`, {
      method: 'PATCH',
      key: caller.keys.full,
      params: { id },
      json: { enabled: false },
    });
    const test409 = await callRoute(ping.POST, `/api/v1/webhooks/${id}/test`, {
      method: 'POST',
      key: caller.keys.write,
      params: { id },
    });
    expect((await suite.check('testWebhook', test409)).error.code).toBe('conflict');
    const redeliver409 = await callRoute(redeliver.POST, `/api/v1/webhooks/${id}/deliveries/${sent.id}/redeliver`, {
      method: 'POST',
      key: caller.keys.write,
      params: { id, deliveryId: sent.id },
    });
    expect((await suite.check('redeliverWebhookDelivery', redeliver409)).error.code).toBe('conflict');
  });

  it("answers 404 for another workspace's deliveries", async () => {
    const { id } = await createOk();
    const sent = await suite.check(
      'testWebhook',
      await callRoute(ping.POST, `/api/v1/webhooks/${id}/test`, {
        method: 'POST',
        key: caller.keys.write,
        params: { id },
      }),
    );
    const list = await callRoute(deliveries.GET, `/api/v1/webhooks/${id}/deliveries`, {
      key: stranger.keys.read,
      params: { id },
    });
    expect(list.status).toBe(404);
    const again = await callRoute(redeliver.POST, `/api/v1/webhooks/${id}/deliveries/${sent.id}/redeliver`, {
      method: 'POST',
      key: stranger.keys.write,
      params: { id, deliveryId: sent.id },
    });
    expect(again.status).toBe(404);
  });
});
