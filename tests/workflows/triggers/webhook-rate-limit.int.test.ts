import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../../accounts/seed';
import { database, params, request, session } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../../helpers/route-request')).sessionModule());

const workflowsRoute = await import('@/app/api/workflows/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const hookRoute = await import('@/app/api/hooks/[token]/route');

let owner: Seeded;

const definition = (trigger: Record<string, unknown> = { type: 'webhook' }) => ({
  name: 'Order alert',
  trigger,
  steps: [{ id: 'note', type: 'log', config: { message: 'Order {{trigger.payload.body.order}}' } }],
});

async function createWorkflow(body: unknown = definition()) {
  session.current = owner;
  const response = await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: body }));
  expect(response.status).toBe(201);
  const created = (await response.json()) as { id: string; webhookUrl: string };
  session.current = null;
  return { id: created.id, token: new URL(created.webhookUrl).pathname.split('/').pop()! };
}

const deliver = (token: string) =>
  hookRoute.POST(request(`/api/hooks/${token}`, { method: 'POST', json: { order: 'A-1' } }), params({ token }));

async function deliverMany(token: string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await deliver(token)).status);
  return statuses;
}

const runCount = async (workflowId: string) =>
  Number(
    (
      await test.db
        .selectFrom('workflow_runs')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('workflow_id', '=', workflowId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  // NOTE: a paid plan, so the month's run allowance is not what stops these deliveries.
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: owner.workspaceId, plan: 'business', status: 'active' })
    .execute();
});
afterAll(() => test.close());
beforeEach(async () => {
  await test.db.deleteFrom('rate_limits').execute();
  // Freeze the clock inside one minute so the deliveries cannot straddle a window boundary.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T12:00:30Z'));
});
afterEach(() => vi.useRealTimers());

describe('inbound webhook rate limit', () => {
  it('answers the 61st delivery within a minute with 429, Retry-After and RateLimit headers, and starts no run for it', async () => {
    const workflow = await createWorkflow();
    const accepted = await deliverMany(workflow.token, 60);
    expect(accepted.every((status) => status === 202)).toBe(true);
    expect(await runCount(workflow.id)).toBe(60);

    const refused = await deliver(workflow.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('ratelimit-limit')).toBe('60');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect((await refused.json()).error).toMatchObject({
      code: 'rate_limited',
      details: { limit: 60, retryAfterSeconds: 30 },
    });
    expect(await runCount(workflow.id)).toBe(60);
  });

  it('tells an accepted sender how many deliveries it has left', async () => {
    const workflow = await createWorkflow();
    const first = await deliver(workflow.token);
    expect(first.status).toBe(202);
    expect(first.headers.get('ratelimit-limit')).toBe('60');
    expect(first.headers.get('ratelimit-remaining')).toBe('59');
    expect(first.headers.get('retry-after')).toBeNull();
  });

  it('accepts deliveries again in the next minute', async () => {
    const workflow = await createWorkflow(definition({ type: 'webhook', rateLimitPerMinute: 1 }));
    expect(await deliverMany(workflow.token, 2)).toEqual([202, 429]);
    vi.setSystemTime(new Date('2026-12-02T12:01:00Z'));
    expect((await deliver(workflow.token)).status).toBe(202);
  });

  it("does not slow another workflow's webhook", async () => {
    const flooded = await createWorkflow(definition({ type: 'webhook', rateLimitPerMinute: 2 }));
    const other = await createWorkflow(definition({ type: 'webhook', rateLimitPerMinute: 2 }));
    expect(await deliverMany(flooded.token, 4)).toEqual([202, 202, 429, 429]);
    expect(await deliverMany(other.token, 2)).toEqual([202, 202]);
    expect(await runCount(other.id)).toBe(2);
  });

  it("follows the workflow's own setting, and an edit changes it", async () => {
    const workflow = await createWorkflow(definition({ type: 'webhook', rateLimitPerMinute: 3 }));
    expect(await deliverMany(workflow.token, 4)).toEqual([202, 202, 202, 429]);
    expect(await runCount(workflow.id)).toBe(3);

    session.current = owner;
    const edited = await workflowRoute.PUT(
      request(`/api/workflows/${workflow.id}`, {
        method: 'PUT',
        json: { definition: definition({ type: 'webhook', rateLimitPerMinute: 5 }) },
      }),
      params({ id: workflow.id }),
    );
    expect(edited.status).toBe(200);
    session.current = null;
    // The refused fourth delivery counted too: the fifth of this minute is the last one accepted.
    expect(await deliverMany(workflow.token, 2)).toEqual([202, 429]);
    expect(await runCount(workflow.id)).toBe(4);
  });

  it('refuses a setting outside 1–1000 deliveries a minute with the field path', async () => {
    session.current = owner;
    const response = await workflowsRoute.POST(
      request('/api/workflows', { method: 'POST', json: definition({ type: 'webhook', rateLimitPerMinute: 5_000 }) }),
    );
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('trigger.rateLimitPerMinute');
  });

  it('answers an unknown URL with 404 and counts nothing', async () => {
    expect(await deliverMany('wh_unknown', 3)).toEqual([404, 404, 404]);
    expect(await test.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
  });
});
