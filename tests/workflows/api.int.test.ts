import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { approvalLinkToken } from '@/lib/workflows/approvals/approval-link';
import { signWebhookBody } from '@/lib/workflows/triggers/receive-webhook';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { driveToEnd, engineDeps, testClock } from './fixtures';

let test: TestDb;

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const workflowsRoute = await import('@/app/api/workflows/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const startRoute = await import('@/app/api/workflows/[id]/runs/route');
const versionsRoute = await import('@/app/api/workflows/[id]/versions/route');
const restoreRoute = await import('@/app/api/workflows/[id]/versions/[version]/restore/route');
const validateRoute = await import('@/app/api/workflows/validate/route');
const runRoute = await import('@/app/api/runs/[id]/route');
const runsRoute = await import('@/app/api/runs/route');
const cancelRoute = await import('@/app/api/runs/[id]/cancel/route');
const replayRoute = await import('@/app/api/runs/[id]/replay/route');
const failureQueueRoute = await import('@/app/api/failure-queue/route');
const bulkReplayRoute = await import('@/app/api/failure-queue/replay/route');
const approvalsRoute = await import('@/app/api/approvals/route');
const decisionRoute = await import('@/app/api/approvals/[id]/decision/route');
const linkDecisionRoute = await import('@/app/api/approvals/[id]/link-decision/route');
const hookRoute = await import('@/app/api/hooks/[token]/route');

let ownerA: Seeded;
let ownerB: Seeded;

const definition = (overrides: Record<string, unknown> = {}) => ({
  name: 'Order alert',
  trigger: { type: 'webhook' },
  steps: [
    { id: 'shape', type: 'transform', config: { value: { order: '{{trigger.payload.body.order}}' } } },
    { id: 'note', type: 'log', config: { message: 'Order {{steps.shape.output.order}}' } },
  ],
  ...overrides,
});

async function createWorkflow(body: unknown = definition()) {
  const response = await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: body }));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; webhookUrl: string; currentVersion: number };
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
  // NOTE: these tests create many workflows; the free plan's limit has a test of its own below.
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: ownerA.workspaceId, plan: 'business', status: 'active' })
    .execute();
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = ownerA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('workflows API', () => {
  it('creates a workflow, lists it and returns 422 with step and field for an invalid one', async () => {
    const created = await createWorkflow();
    expect(created.webhookUrl).toMatch(/^http:\/\/localhost:3000\/api\/hooks\/wh_/);
    const list = await (await workflowsRoute.GET(request('/api/workflows?q=order'))).json();
    expect(list.workflows.map((w: { id: string }) => w.id)).toContain(created.id);

    const invalid = await workflowsRoute.POST(
      request('/api/workflows', {
        method: 'POST',
        json: definition({ steps: [{ id: 'call', type: 'http_request', config: { url: 'http://169.254.169.254/' } }] }),
      }),
    );
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error).toMatchObject({ code: 'validation_failed' });
    expect(body.error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'steps.0.config.url', stepId: 'call', code: 'egress_refused' }),
    );
  });

  it('validates without saving, for the editor', async () => {
    const response = await validateRoute.POST(
      request('/api/workflows/validate', {
        method: 'POST',
        json: { definition: definition({ steps: [{ id: 'a', type: 'log', config: { message: 'x' }, next: 'b' }] }) },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: false,
      issues: [expect.objectContaining({ path: 'steps.0.next', code: 'unknown_step' })],
    });
  });

  it('saves each edit as a new version, refuses a stale edit, and restores an old version as the newest', async () => {
    const created = await createWorkflow();
    const put = await workflowRoute.PUT(
      request(`/api/workflows/${created.id}`, {
        method: 'PUT',
        json: { definition: definition({ name: 'Renamed' }), expectedVersion: 1 },
      }),
      params({ id: created.id }),
    );
    expect((await put.json()).currentVersion).toBe(2);
    const stale = await workflowRoute.PUT(
      request(`/api/workflows/${created.id}`, {
        method: 'PUT',
        json: { definition: definition(), expectedVersion: 1 },
      }),
      params({ id: created.id }),
    );
    expect(stale.status).toBe(409);
    const restored = await restoreRoute.POST(
      request(`/api/workflows/${created.id}/versions/1/restore`, { method: 'POST' }),
      params({ id: created.id, version: '1' }),
    );
    expect(await restored.json()).toMatchObject({ currentVersion: 3, name: 'Order alert' });
    const versions = await (
      await versionsRoute.GET(request(`/api/workflows/${created.id}/versions`), params({ id: created.id }))
    ).json();
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('starts a run by hand and by API key; the run records its version and shows its timeline', async () => {
    const created = await createWorkflow();
    const { key } = await createApiKey(test.db, ownerA.scope, { name: 'ci', scopes: ['read', 'write'] });
    session.current = null;
    const started = await startRoute.POST(
      request(`/api/workflows/${created.id}/runs`, {
        method: 'POST',
        key,
        json: { payload: { body: { order: 'A-1' } } },
      }),
      params({ id: created.id }),
    );
    expect(started.status).toBe(202);
    const { id: runId } = await started.json();
    const clock = testClock();
    await driveToEnd(test.db, runId, engineDeps(clock), clock);
    const run = await (await runRoute.GET(request(`/api/runs/${runId}`, { key }), params({ id: runId }))).json();
    expect(run).toMatchObject({ status: 'succeeded', version: 1, trigger: 'manual' });
    expect(run.stepRuns.map((s: { stepId: string; output: unknown }) => [s.stepId, s.output])).toEqual([
      ['shape', { order: 'A-1' }],
      ['note', { message: 'Order A-1', level: 'info' }],
    ]);
    const filtered = await (
      await runsRoute.GET(request(`/api/runs?status=succeeded&workflowId=${created.id}`, { key }))
    ).json();
    expect(filtered.runs.map((r: { id: string }) => r.id)).toEqual([runId]);
  });

  it("answers 404 for another workspace's workflows, runs and approvals, and for ids that are not ids", async () => {
    const created = await createWorkflow(definition({ steps: [{ id: 'ask', type: 'approval', config: {} }] }));
    const started = await (
      await startRoute.POST(
        request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
        params({ id: created.id }),
      )
    ).json();
    const clock = testClock();
    const waiting = (await advanceRun(test.db, started.id, engineDeps(clock))) as { approvalId: string };

    session.current = ownerB;
    const attempts = [
      () => workflowRoute.GET(request(`/api/workflows/${created.id}`), params({ id: created.id })),
      () =>
        workflowRoute.PATCH(
          request(`/api/workflows/${created.id}`, { method: 'PATCH', json: { enabled: false } }),
          params({ id: created.id }),
        ),
      () =>
        workflowRoute.DELETE(request(`/api/workflows/${created.id}`, { method: 'DELETE' }), params({ id: created.id })),
      () =>
        startRoute.POST(
          request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
          params({ id: created.id }),
        ),
      () => runRoute.GET(request(`/api/runs/${started.id}`), params({ id: started.id })),
      () => cancelRoute.POST(request(`/api/runs/${started.id}/cancel`, { method: 'POST' }), params({ id: started.id })),
      () =>
        decisionRoute.POST(
          request(`/api/approvals/${waiting.approvalId}/decision`, { method: 'POST', json: { decision: 'approve' } }),
          params({ id: waiting.approvalId }),
        ),
      () => runRoute.GET(request('/api/runs/not-a-uuid'), params({ id: 'not-a-uuid' })),
    ];
    for (const attempt of attempts) expect((await attempt()).status).toBe(404);
    expect((await (await approvalsRoute.GET(request('/api/approvals'))).json()).approvals).toEqual([]);
    const run = await test.db
      .selectFrom('workflow_runs')
      .select('status')
      .where('id', '=', started.id)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('running');
  });

  it('lets a run wait for approval, approves it through the API and finishes it', async () => {
    const created = await createWorkflow(
      definition({
        steps: [
          { id: 'ask', type: 'approval', config: { message: 'Ship order?' } },
          { id: 'note', type: 'log', config: { message: 'shipped' } },
        ],
      }),
    );
    const started = await (
      await startRoute.POST(
        request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
        params({ id: created.id }),
      )
    ).json();
    const clock = testClock(new Date());
    expect(await advanceRun(test.db, started.id, engineDeps(clock))).toMatchObject({ kind: 'wait_approval' });
    const inbox = await (await approvalsRoute.GET(request('/api/approvals?status=pending'))).json();
    const approval = inbox.approvals.find((a: { runId: string }) => a.runId === started.id);
    expect(approval).toMatchObject({ message: 'Ship order?', status: 'pending', workflowName: 'Order alert' });
    const decided = await decisionRoute.POST(
      request(`/api/approvals/${approval.id}/decision`, {
        method: 'POST',
        json: { decision: 'approve', comment: 'go' },
      }),
      params({ id: approval.id }),
    );
    expect(decided.status).toBe(200);
    expect((await driveToEnd(test.db, started.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'succeeded',
    });
  });

  it('decides from the signed email link without a session, once; a forged token is refused', async () => {
    const created = await createWorkflow(definition({ steps: [{ id: 'ask', type: 'approval', config: {} }] }));
    const started = await (
      await startRoute.POST(
        request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
        params({ id: created.id }),
      )
    ).json();
    const waiting = (await advanceRun(test.db, started.id, engineDeps(testClock(new Date())))) as {
      approvalId: string;
    };
    session.current = null;
    const forged = await linkDecisionRoute.POST(
      request(`/api/approvals/${waiting.approvalId}/link-decision`, {
        method: 'POST',
        json: { decision: 'approve', token: 'x'.repeat(43) },
      }),
      params({ id: waiting.approvalId }),
    );
    expect(forged.status).toBe(404);
    const token = approvalLinkToken(waiting.approvalId);
    const first = await linkDecisionRoute.POST(
      request(`/api/approvals/${waiting.approvalId}/link-decision`, {
        method: 'POST',
        json: { decision: 'reject', token },
      }),
      params({ id: waiting.approvalId }),
    );
    expect(await first.json()).toMatchObject({ status: 'rejected', decidedVia: 'email_link' });
    const again = await linkDecisionRoute.POST(
      request(`/api/approvals/${waiting.approvalId}/link-decision`, {
        method: 'POST',
        json: { decision: 'approve', token },
      }),
      params({ id: waiting.approvalId }),
    );
    expect(again.status).toBe(409);
  });

  it('lists failed runs in the failure queue, replays them in bulk, and cancels or replays single runs', async () => {
    const created = await createWorkflow(definition({ steps: [{ id: 'wait', type: 'delay', config: { days: 40 } }] }));
    const started = await (
      await startRoute.POST(
        request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
        params({ id: created.id }),
      )
    ).json();
    const clock = testClock(new Date());
    expect((await driveToEnd(test.db, started.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'failed',
    });
    const queue = await (await failureQueueRoute.GET(request('/api/failure-queue'))).json();
    expect(queue.runs.find((r: { id: string }) => r.id === started.id)).toMatchObject({
      deadLettered: true,
      error: { code: 'delay_too_long', stepId: 'wait' },
    });

    const bulk = await (
      await bulkReplayRoute.POST(
        request('/api/failure-queue/replay', {
          method: 'POST',
          json: { runIds: [started.id, ownerB.workspaceId], from: 'start' },
        }),
      )
    ).json();
    expect(bulk.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    const replayId = bulk.results[0].replay.id;
    expect(
      (await cancelRoute.POST(request(`/api/runs/${replayId}/cancel`, { method: 'POST' }), params({ id: replayId })))
        .status,
    ).toBe(200);
    const single = await replayRoute.POST(
      request(`/api/runs/${replayId}/replay`, { method: 'POST', json: {} }),
      params({ id: replayId }),
    );
    expect(single.status).toBe(202);
  });
});

describe('plan limits', () => {
  it("refuses a workflow beyond the free plan's limit with 429 naming the limit and the upgrade path", async () => {
    const free = await seedMember(test.db, 'owner');
    session.current = free;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await workflowsRoute.POST(
        request('/api/workflows', { method: 'POST', json: definition({ name: `Flow ${i}` }) }),
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const body = await last!.json();
    expect(body.error.code).toBe('limit_reached');
    expect(body.error.message).toMatch(/5 workflows/);
    expect(body.error.details).toMatchObject({ limit: 'workflows', plan: 'free', allowed: 5 });
    const count = await test.db
      .selectFrom('workflows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', free.workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it("counts each run towards the month's usage", async () => {
    const created = await createWorkflow();
    const before = await test.db
      .selectFrom('usage_counters')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('workspace_id', '=', ownerA.workspaceId)
      .where('metric', '=', 'workflow_runs')
      .executeTakeFirst();
    await startRoute.POST(
      request(`/api/workflows/${created.id}/runs`, { method: 'POST', json: {} }),
      params({ id: created.id }),
    );
    const after = await test.db
      .selectFrom('usage_counters')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('workspace_id', '=', ownerA.workspaceId)
      .where('metric', '=', 'workflow_runs')
      .executeTakeFirst();
    expect(Number(after?.n ?? 0) - Number(before?.n ?? 0)).toBe(1);
  });
});

describe('inbound webhooks', () => {
  it('starts a run from a webhook delivery with 202 and the run id; the same delivery id starts it once', async () => {
    const created = await createWorkflow();
    const token = new URL(created.webhookUrl).pathname.split('/').pop()!;
    session.current = null;
    const deliver = () =>
      hookRoute.POST(
        request(`/api/hooks/${token}`, {
          method: 'POST',
          json: { order: 'B-7' },
          headers: { 'idempotency-key': 'delivery-1' },
        }),
        params({ token }),
      );
    const first = await deliver();
    expect(first.status).toBe(202);
    const { runId, duplicate } = await first.json();
    expect(duplicate).toBe(false);
    expect(await (await deliver()).json()).toMatchObject({ runId, duplicate: true });
    const run = await test.db
      .selectFrom('workflow_runs')
      .select(['trigger_type', 'payload'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ trigger_type: 'webhook', payload: { body: { order: 'B-7' } } });
  });

  it('checks the HMAC signature when the workflow requires one', async () => {
    const created = await createWorkflow(definition({ trigger: { type: 'webhook', requireSignature: true } }));
    const token = new URL(created.webhookUrl).pathname.split('/').pop()!;
    const row = await test.db
      .selectFrom('workflows')
      .select(['webhook_secret', 'workspace_id'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const secret = decryptSecret(row.webhook_secret, row.workspace_id);
    const body = JSON.stringify({ order: 'C-3' });
    const send = (signature?: string) =>
      hookRoute.POST(
        new Request(`http://localhost:3000/api/hooks/${token}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', ...(signature ? { 'x-levqor-signature': signature } : {}) },
        }),
        params({ token }),
      );
    expect((await send()).status).toBe(401);
    expect((await send(signWebhookBody('wrong-secret', body))).status).toBe(401);
    expect((await send(signWebhookBody(secret, body))).status).toBe(202);
  });

  it.each([
    [
      'a NUL character',
      '{"note":"a\\u0000b","\\u0000key":1}',
      'application/json',
      'nul',
      { note: 'a\uFFFDb', '\uFFFDkey': 1 },
    ],
    ['a lone surrogate', '{"note":"\\ud800"}', 'application/json', 'surrogate', { note: '\uFFFD' }],
    ['JSON nested 5,000 deep', '['.repeat(5_000) + ']'.repeat(5_000), 'application/json', 'depth', null],
    [
      'bytes that are not UTF-8',
      Buffer.from([0x6f, 0x6b, 0xff, 0xfe]),
      'application/octet-stream',
      'not_utf8',
      'ok\uFFFD\uFFFD',
    ],
  ] as const)(
    'keeps a delivery with %s: 202, a storable body and the exact bytes in rawBody',
    async (_name, sent, contentType, reason, body) => {
      const created = await createWorkflow();
      const token = new URL(created.webhookUrl).pathname.split('/').pop()!;
      const response = await hookRoute.POST(
        new Request(`http://localhost:3000/api/hooks/${token}`, {
          method: 'POST',
          body: sent,
          headers: { 'content-type': contentType },
        }),
        params({ token }),
      );
      expect(response.status).toBe(202);
      const { runId } = await response.json();
      const run = await test.db
        .selectFrom('workflow_runs')
        .select('payload')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      const payload = run.payload as { body: unknown; rawBody: { encoding: string; data: string; reason: string } };
      expect(payload.body).toEqual(body);
      expect(payload.rawBody.reason).toBe(reason);
      expect(Buffer.from(payload.rawBody.data, 'base64').equals(Buffer.from(sent))).toBe(true);
    },
  );

  it('refuses unknown URLs and oversized bodies, and starts nothing for a disabled workflow', async () => {
    expect(
      (await hookRoute.POST(request('/api/hooks/wh_nope', { method: 'POST', json: {} }), params({ token: 'wh_nope' })))
        .status,
    ).toBe(404);
    const created = await createWorkflow();
    const token = new URL(created.webhookUrl).pathname.split('/').pop()!;
    const big = await hookRoute.POST(
      new Request(`http://localhost:3000/api/hooks/${token}`, {
        method: 'POST',
        body: 'x'.repeat(300 * 1024),
        headers: { 'content-type': 'text/plain' },
      }),
      params({ token }),
    );
    expect(big.status).toBe(413);
    await workflowRoute.PATCH(
      request(`/api/workflows/${created.id}`, { method: 'PATCH', json: { enabled: false } }),
      params({ id: created.id }),
    );
    expect(
      (await hookRoute.POST(request(`/api/hooks/${token}`, { method: 'POST', json: {} }), params({ token }))).status,
    ).toBe(409);
  });
});
