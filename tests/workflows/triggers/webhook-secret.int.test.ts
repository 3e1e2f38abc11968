// Signed webhooks a customer can use: the signing secret is shown once by a rotation (admins), signs deliveries, the old
// one keeps working through the grace period and not after, and the secret appears in no GET answer and no log line.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { receiveWebhook, signWebhookBody } from '@/lib/workflows/triggers/receive-webhook';
import { curlSigningExample, nodeSigningExample } from '@/lib/workflows/triggers/signing-examples';
import { seedMember, type Seeded } from '../../accounts/seed';
import { database, params, request, session } from '../../helpers/route-request';
import { capturedLogs } from '../../helpers/captured-logs';
import { createTestDb, type TestDb } from '../../helpers/test-db';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../../helpers/route-request')).sessionModule());
vi.mock('@/lib/logger', async (importOriginal) =>
  (await import('../../helpers/captured-logs')).loggerModule(await importOriginal()),
);

const workflowsRoute = await import('@/app/api/workflows/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const rotateRoute = await import('@/app/api/workflows/[id]/webhook-secret/rotate/route');
const hookRoute = await import('@/app/api/hooks/[token]/route');

let test: TestDb;
let owner: Seeded;
let member: Seeded;
let stranger: Seeded;
const shownSecrets: string[] = [];

const HOUR = 3_600_000;
const body = JSON.stringify({ order: 'A-1' });

async function createSignedWorkflow(requireSignature = true) {
  session.current = owner;
  const response = await workflowsRoute.POST(
    request('/api/workflows', {
      method: 'POST',
      json: {
        name: 'Signed orders',
        trigger: { type: 'webhook', requireSignature },
        steps: [{ id: 'note', type: 'log', config: { message: 'Order' } }],
      },
    }),
  );
  expect(response.status).toBe(201);
  const created = (await response.json()) as { id: string; webhookUrl: string };
  return { id: created.id, token: new URL(created.webhookUrl).pathname.split('/').pop()! };
}

async function rotate(workflowId: string, as: Seeded | null, json: unknown = {}, key?: string) {
  session.current = as;
  const response = await rotateRoute.POST(
    request(`/api/workflows/${workflowId}/webhook-secret/rotate`, { method: 'POST', json, key }),
    params({ id: workflowId }),
  );
  const answer = await response.json();
  if (response.status === 200) shownSecrets.push(answer.secret);
  return { status: response.status, body: answer };
}

/** A delivery through the hook route, as a sender sends it. */
async function deliver(token: string, signature?: string) {
  session.current = null;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(signature ? { 'x-levqor-signature': signature } : {}),
  };
  return (await hookRoute.POST(request(`/api/hooks/${token}`, { method: 'POST', body, headers }), params({ token })))
    .status;
}

/** A delivery straight to the trigger at an injected moment: 'started' or the refusal's error code. */
async function deliverAt(token: string, secret: string, now: Date) {
  try {
    await receiveWebhook(
      test.db,
      {
        token,
        rawBody: body,
        contentType: 'application/json',
        signature: signWebhookBody(secret, body),
        deliveryId: null,
      },
      { now },
    );
    return 'started';
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  member = await seedMember(test.db, 'member', owner.workspaceId);
  stranger = await seedMember(test.db, 'owner');
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: owner.workspaceId, plan: 'business', status: 'active' })
    .execute();
});
afterAll(() => test.close());
beforeEach(async () => {
  await test.db.deleteFrom('rate_limits').execute();
});

describe('signed webhook secrets', () => {
  it('shows a fresh secret on the first rotation, with no grace for the never-shown one; signed deliveries start runs, unsigned get 401', async () => {
    const workflow = await createSignedWorkflow();
    const first = await rotate(workflow.id, owner, { onlyIfNeverShown: true });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secret: expect.stringMatching(/^[\w-]{43}$/), previousValidUntil: null });
    expect(await deliver(workflow.token, signWebhookBody(first.body.secret, body))).toBe(202);
    expect(await deliver(workflow.token)).toBe(401);
    expect(await deliver(workflow.token, signWebhookBody('not-the-secret', body))).toBe(401);

    // A second "first reveal" (another tab, another admin) is refused: the secret is never shown twice.
    expect(await rotate(workflow.id, owner, { onlyIfNeverShown: true })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    const audit = await test.db
      .selectFrom('audit_logs')
      .select(['action', 'target_id'])
      .where('action', '=', 'workflow.webhook_secret_rotated')
      .execute();
    expect(audit).toEqual([{ action: 'workflow.webhook_secret_rotated', target_id: workflow.id }]);
  });

  it('keeps the old secret valid for 24 hours after a rotation and refuses it after, while the new one works', async () => {
    const workflow = await createSignedWorkflow();
    const old = (await rotate(workflow.id, owner)).body.secret as string;
    const rotatedAt = Date.now();
    const rotated = await rotate(workflow.id, owner);
    expect(rotated.status).toBe(200);
    const validUntil = new Date(rotated.body.previousValidUntil).getTime();
    expect(validUntil - rotatedAt).toBeGreaterThanOrEqual(24 * HOUR - 60_000);
    expect(validUntil - rotatedAt).toBeLessThanOrEqual(24 * HOUR + 60_000);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(old);

    expect(await deliverAt(workflow.token, old, new Date(validUntil - HOUR))).toBe('started');
    expect(await deliverAt(workflow.token, fresh, new Date(validUntil - HOUR))).toBe('started');
    expect(await deliverAt(workflow.token, old, new Date(validUntil + 1_000))).toBe('unauthorized');
    expect(await deliverAt(workflow.token, fresh, new Date(validUntil + 1_000))).toBe('started');
  });

  it('ends the old secret at once when asked for no grace period', async () => {
    const workflow = await createSignedWorkflow();
    const old = (await rotate(workflow.id, owner)).body.secret as string;
    const rotated = await rotate(workflow.id, owner, { graceHours: 0 });
    expect(rotated.body.previousValidUntil).toBeNull();
    expect(await deliver(workflow.token, signWebhookBody(old, body))).toBe(401);
    expect(await deliver(workflow.token, signWebhookBody(rotated.body.secret, body))).toBe(202);
  });

  it('answers 404 to another workspace and 403 to a member or a key without the admin scope, and changes nothing', async () => {
    const workflow = await createSignedWorkflow();
    const secret = (await rotate(workflow.id, owner)).body.secret as string;
    expect(await rotate(workflow.id, stranger)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await rotate(workflow.id, member)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const { key } = await createApiKey(test.db, owner.scope, { name: 'writer', scopes: ['read', 'write'] });
    expect(await rotate(workflow.id, null, {}, key)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await deliver(workflow.token, signWebhookBody(secret, body))).toBe(202);
  });

  it('refuses a workflow that no webhook starts with 409', async () => {
    session.current = owner;
    const created = await (
      await workflowsRoute.POST(
        request('/api/workflows', {
          method: 'POST',
          json: {
            name: 'Manual',
            trigger: { type: 'manual' },
            steps: [{ id: 'note', type: 'log', config: { message: 'x' } }],
          },
        }),
      )
    ).json();
    expect(await rotate(created.id, owner)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('the curl/openssl and Node examples shown with the secret start a run when pasted as they are', async () => {
    const workflow = await createSignedWorkflow();
    const secret = (await rotate(workflow.id, owner)).body.secret as string;
    const server: Server = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers(
        Object.entries(incoming.headers).flatMap(([name, value]) =>
          typeof value === 'string' ? [[name, value] as [string, string]] : [],
        ),
      );
      const token = String(incoming.url).split('/').pop()!;
      const response = await hookRoute.POST(
        new Request(`http://localhost:3000${incoming.url}`, {
          method: incoming.method,
          headers,
          body: Buffer.concat(chunks),
        }),
        params({ token }),
      );
      outgoing.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hooks/${workflow.token}`;
      const run = promisify(execFile);
      const curl = await run('sh', ['-c', `${curlSigningExample(url, secret)} -s -o /dev/null -w '%{http_code}'`]);
      expect(curl.stdout).toBe('202');
      const node = await run(process.execPath, ['--input-type=module', '-e', nodeSigningExample(url, secret)]);
      expect(node.stdout.trim()).toBe('202');
      const wrong = await run('sh', [
        '-c',
        `${curlSigningExample(url, 'not-the-secret')} -s -o /dev/null -w '%{http_code}'`,
      ]);
      expect(wrong.stdout).toBe('401');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('never returns the secret or its ciphertext from GET /api/workflows/:id, and no log, audit or telemetry row holds it', async () => {
    const workflow = await createSignedWorkflow();
    const secret = (await rotate(workflow.id, owner)).body.secret as string;
    await rotate(workflow.id, owner);
    await deliver(workflow.token, signWebhookBody(secret, body));
    await deliver(workflow.token, 'sha256=wrong');
    session.current = owner;
    const answer = await (
      await workflowRoute.GET(request(`/api/workflows/${workflow.id}`), params({ id: workflow.id }))
    ).text();
    const stored = await test.db
      .selectFrom('workflows')
      .select(['webhook_secret', 'webhook_secret_previous'])
      .where('id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    const audit = JSON.stringify(await test.db.selectFrom('audit_logs').selectAll().execute());
    const telemetry = JSON.stringify(await test.db.selectFrom('telemetry_logs').selectAll().execute());
    expect(shownSecrets.length).toBeGreaterThan(5);
    for (const hidden of [...shownSecrets, stored.webhook_secret, stored.webhook_secret_previous!]) {
      expect(answer).not.toContain(hidden);
      expect(audit).not.toContain(hidden);
      expect(telemetry).not.toContain(hidden);
      expect(capturedLogs.join('')).not.toContain(hidden);
    }
    expect(capturedLogs.some((line) => line.includes('webhook-secret/rotate'))).toBe(true);
  });
});
