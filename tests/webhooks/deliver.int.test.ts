// The delivery job against a real local receiver: a signed POST the receiver can verify, success on 2xx, the retry
// schedule on 500, a timeout, the egress guard refusing private addresses, and each workspace's events to its own URLs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDueDeliveries, deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { RETRY_DELAYS_MS } from '@/lib/webhooks/retry-schedule';
import { verifyWebhookSignature } from '@/lib/webhooks/signature';
import { seedMember, type Seeded } from '../accounts/seed';
import { type LocalServer, startLocalServer } from '../helpers/http-server';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { deliveriesOf, insertSubscription } from './fixtures';

process.env.WORKFLOW_EGRESS_ALLOWLIST = '127.0.0.1';

type Received = { headers: IncomingMessage['headers']; body: string };

let t: TestDb;
let owner: Seeded;
let server: LocalServer;
let answer: (res: ServerResponse) => void;
let received: Received[];
const secret = 'whsec_receiver-secret';
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestDb();
  server = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answer(res);
    });
  });
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});
beforeEach(async () => {
  owner = await seedMember(t.db, 'owner');
  received = [];
  answer = (res) => res.writeHead(204).end();
});
afterEach(async () => {
  await t.db.deleteFrom('webhook_deliveries').execute();
});

const subscribe = (workspace: Seeded, url = `${server.url}/hooks`) =>
  insertSubscription(t.db, workspace.workspaceId, { url, events: ['run.failed'], secret });

const emit = (workspace: Seeded, now: Date) =>
  emitWebhookEvent(t.db, workspace.workspaceId, 'run.failed', { run: { id: 'r1', status: 'failed' } }, { now });

describe('the delivery job', () => {
  it('POSTs a signed event the receiver verifies, and marks the delivery succeeded', async () => {
    const subscription = await subscribe(owner);
    const now = new Date();
    const eventId = await emit(owner, now);
    expect(await deliverDueWebhooks(t.db, now)).toMatchObject({ sent: 1, succeeded: 1 });
    const [request] = received;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-levqor-event']).toBe('run.failed');
    const [delivery] = await deliveriesOf(t.db, subscription);
    expect(request!.headers['x-levqor-delivery']).toBe(delivery!.id);
    // What a receiver does with the documented helper: the raw body, the two headers and its copy of the secret.
    const check = verifyWebhookSignature({
      secrets: [secret],
      body: request!.body,
      signature: request!.headers['x-levqor-signature'] as string,
      timestamp: request!.headers['x-levqor-timestamp'] as string,
    });
    expect(check).toEqual({ ok: true });
    expect(JSON.parse(request!.body)).toMatchObject({
      id: eventId,
      type: 'run.failed',
      workspaceId: owner.workspaceId,
    });
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, last_status_code: 204, next_attempt_at: null });
    expect(delivery!.attempt_log).toEqual([
      { at: now.toISOString(), statusCode: 204, durationMs: expect.any(Number), error: null },
    ]);
    expect(await deliverDueWebhooks(t.db, new Date(now.getTime() + MINUTE))).toMatchObject({ sent: 0 });
  });

  it('retries a 500 after 1 min, 5 min, 30 min, 2 h and 6 h (with jitter), with the same event id, then fails', async () => {
    answer = (res) => res.writeHead(500).end('down');
    const subscription = await subscribe(owner);
    let now = new Date('2026-12-03T10:00:00Z');
    await emit(owner, now);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await deliverDueWebhooks(t.db, now)).toMatchObject({ sent: 1 });
      const [delivery] = await deliveriesOf(t.db, subscription);
      expect(delivery!.attempts).toBe(attempt);
      expect(delivery!.last_status_code).toBe(500);
      if (attempt < 6) {
        expect(delivery!.status).toBe('pending');
        const wait = delivery!.next_attempt_at!.getTime() - now.getTime();
        waits.push(wait);
        // Not yet due a moment before its time.
        expect(await deliverDueWebhooks(t.db, new Date(now.getTime() + wait - 1000))).toMatchObject({ sent: 0 });
        now = delivery!.next_attempt_at!;
      } else {
        expect(delivery).toMatchObject({
          status: 'failed',
          next_attempt_at: null,
          last_error: 'The receiver answered 500',
        });
        expect(delivery!.attempt_log).toHaveLength(6);
      }
    }
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[index]! * 0.9);
      expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_MS[index]! * 1.1);
    });
    expect(RETRY_DELAYS_MS).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE]);
    expect(new Set(received.map((request) => JSON.parse(request.body).id)).size).toBe(1);
    expect(new Set(received.map((request) => request.headers['x-levqor-delivery'])).size).toBe(1);
  });

  it('gives up on a receiver that does not answer in time and schedules a retry', async () => {
    answer = () => undefined;
    const subscription = await subscribe(owner);
    const now = new Date();
    await emit(owner, now);
    await deliverDueWebhooks(t.db, now, { timeoutMs: 300 });
    const [delivery] = await deliveriesOf(t.db, subscription);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(delivery!.last_error).toContain('did not answer within 300 ms');
    expect(delivery!.next_attempt_at!.getTime()).toBeGreaterThan(now.getTime());
  });

  it('refuses a private address at send time and a name resolving to one, without retrying', async () => {
    const literal = await subscribe(owner, 'https://10.1.2.3/hooks');
    const resolved = await subscribe(owner, 'https://hooks.example.com/hooks');
    const now = new Date();
    await emit(owner, now);
    const lookup = ((
      _host: string,
      _options: unknown,
      callback: (e: null, a: { address: string; family: number }[]) => void,
    ) => callback(null, [{ address: '192.168.1.20', family: 4 }])) as never;
    await deliverDueWebhooks(t.db, now, { fetch: { lookup } });
    const [first] = await deliveriesOf(t.db, literal);
    const [second] = await deliveriesOf(t.db, resolved);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
    expect(first!.last_error).toContain('private network address');
    expect(second).toMatchObject({ status: 'failed', attempts: 1 });
    expect(second!.last_error).toContain('Refused to connect to hooks.example.com');
    expect(received).toEqual([]);
  });

  it("sends each workspace's events only to its own subscriptions", async () => {
    const stranger = await seedMember(t.db, 'owner');
    const mine = await subscribe(owner, `${server.url}/mine`);
    const theirs = await subscribe(stranger, `${server.url}/theirs`);
    await emit(owner, new Date());
    await deliverDueWebhooks(t.db, new Date());
    expect((await deliveriesOf(t.db, mine)).map((delivery) => delivery.status)).toEqual(['succeeded']);
    expect(await deliveriesOf(t.db, theirs)).toEqual([]);
    expect(received.map((request) => JSON.parse(request.body).workspaceId)).toEqual([owner.workspaceId]);
  });

  it('lets two senders claim disjoint deliveries (FOR UPDATE SKIP LOCKED plus a lease)', async () => {
    await subscribe(owner);
    const now = new Date();
    for (let i = 0; i < 3; i++) await emit(owner, now);
    const first = await claimDueDeliveries(t.db, now, 2);
    const second = await claimDueDeliveries(t.db, now, 5);
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(second[0]!.id).not.toBe(first[0]!.id);
    expect(await claimDueDeliveries(t.db, now, 5)).toEqual([]);
  });
});
