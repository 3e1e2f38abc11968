// A test run of unsaved editor changes: runs the posted definition, leaves the saved workflow and its versions alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
const runRoute = await import('@/app/api/runs/[id]/route');

let ownerA: Seeded;
let ownerB: Seeded;

const saved = {
  name: 'Greeting',
  trigger: { type: 'manual' },
  steps: [{ id: 'hello', type: 'transform', config: { value: { said: 'saved' } } }],
};
const draft = {
  ...saved,
  steps: [
    { id: 'hello', type: 'transform', config: { value: { said: 'draft' } } },
    { id: 'extra', type: 'log', config: { message: 'only in the draft' } },
  ],
};

async function createWorkflow() {
  const response = await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: saved }));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; currentVersion: number };
}

const startTestRun = (workflowId: string, json: unknown) =>
  startRoute.POST(request(`/api/workflows/${workflowId}/runs`, { method: 'POST', json }), params({ id: workflowId }));

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = ownerA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('draft test run', () => {
  it('runs the posted definition and marks the run as a draft, leaving the saved workflow and versions unchanged', async () => {
    const workflow = await createWorkflow();
    const started = await startTestRun(workflow.id, { payload: {}, definition: draft });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const clock = testClock();
    await driveToEnd(test.db, id, engineDeps(clock), clock);

    const run = (await (await runRoute.GET(request(`/api/runs/${id}`), params({ id }))).json()) as {
      status: string;
      draft: boolean;
      steps: { id: string }[];
      stepRuns: { stepId: string; output: unknown }[];
    };
    expect(run.status).toBe('succeeded');
    expect(run.draft).toBe(true);
    expect(run.steps.map((step) => step.id)).toEqual(['hello', 'extra']);
    expect(run.stepRuns.find((step) => step.stepId === 'hello')?.output).toEqual({ said: 'draft' });

    const current = (await (
      await workflowRoute.GET(request(`/api/workflows/${workflow.id}`), params({ id: workflow.id }))
    ).json()) as { currentVersion: number; definition: { steps: unknown[] } };
    expect(current.currentVersion).toBe(workflow.currentVersion);
    expect(current.definition.steps).toHaveLength(1);
    const versions = await test.db
      .selectFrom('workflow_versions')
      .select('version')
      .where('workflow_id', '=', workflow.id)
      .execute();
    expect(versions).toHaveLength(1);
  });

  it('runs the saved version when no definition is posted, and says it is not a draft run', async () => {
    const workflow = await createWorkflow();
    const { id } = (await (await startTestRun(workflow.id, { payload: {} })).json()) as { id: string };
    const run = (await (await runRoute.GET(request(`/api/runs/${id}`), params({ id }))).json()) as {
      draft: boolean;
      steps: { id: string }[];
    };
    expect(run.draft).toBe(false);
    expect(run.steps.map((step) => step.id)).toEqual(['hello']);
  });

  it('refuses an invalid draft with 422 and the field paths, starting no run', async () => {
    const workflow = await createWorkflow();
    const before = await test.db.selectFrom('workflow_runs').select('id').execute();
    const response = await startTestRun(workflow.id, {
      definition: {
        ...saved,
        steps: [
          { id: 'hello', type: 'transform', config: {} },
          { id: 'hello', type: 'log' },
        ],
      },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    expect(body.error.details.issues.every((issue) => typeof issue.path === 'string' && issue.path !== '')).toBe(true);
    expect(await test.db.selectFrom('workflow_runs').select('id').execute()).toHaveLength(before.length);
  });

  it('does not let another workspace test-run a workflow that is not theirs', async () => {
    const workflow = await createWorkflow();
    session.current = ownerB;
    const response = await startTestRun(workflow.id, { definition: draft });
    expect(response.status).toBe(404);
    expect(
      await test.db.selectFrom('workflow_runs').select('id').where('workflow_id', '=', workflow.id).execute(),
    ).toHaveLength(0);
  });
});
