// Each event a subscription can ask for is emitted where it happens: a run finishing (inline and through the driver),
// an approval being requested and a backup failing verification; only to enabled subscriptions that asked for it.
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSnapshot } from '@/lib/backups/check-snapshot';
import { forgetRunsFlag } from '@/lib/workflows/engine/admit-run';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
import { seedMember, type Seeded } from '../accounts/seed';
import { insertSnapshot, insertWorkflow } from '../backups/fixtures';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from '../workflows/fixtures';
import { deliveriesOf, insertSubscription } from './fixtures';

let t: TestDb;
let owner: Seeded;
let other: Seeded;
let allEvents: string;
let onlyFailures: string;
let disabled: string;
let otherTenant: string;

const events = ['run.succeeded', 'run.failed', 'approval.requested', 'backup.verification_failed'];

beforeAll(async () => {
  t = await createTestDb();
  other = await seedMember(t.db, 'owner');
  otherTenant = await insertSubscription(t.db, other.workspaceId, { events });
});
afterAll(() => t?.close());
beforeEach(async () => {
  forgetRunsFlag();
  owner = await seedMember(t.db, 'owner');
  allEvents = await insertSubscription(t.db, owner.workspaceId, { events });
  onlyFailures = await insertSubscription(t.db, owner.workspaceId, { events: ['run.failed'] });
  disabled = await insertSubscription(t.db, owner.workspaceId, { events, enabled: false });
});

/** A step with outside effects, so its run goes through the driver; fails (not retryable) when told. */
const remoteStep = (fail: boolean) =>
  defineStep({
    type: 'http_request',
    configSchema: z.object({}).passthrough(),
    defaultActionClass: 'A',
    resolveTemplates: true,
    async execute() {
      if (fail) throw new StepError('upstream_refused', 'The upstream answered 400', false);
      return { kind: 'output', output: { ok: true } };
    },
  });

async function expectNothingElse() {
  expect(await deliveriesOf(t.db, disabled)).toEqual([]);
  expect(await deliveriesOf(t.db, otherTenant)).toEqual([]);
}

describe('run events', () => {
  it('emits run.succeeded for a run finished inline, with the documented payload', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      name: 'Inline orders',
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    });
    const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    const [delivery, ...rest] = await deliveriesOf(t.db, allEvents);
    expect(rest).toEqual([]);
    expect(delivery).toMatchObject({ event_type: 'run.succeeded', status: 'pending', attempts: 0 });
    expect(delivery!.payload).toEqual({
      id: delivery!.event_id,
      type: 'run.succeeded',
      createdAt: expect.stringMatching(/Z$/),
      workspaceId: owner.workspaceId,
      data: {
        run: {
          id: run.id,
          workflowId: workflow.id,
          workflowName: 'Inline orders',
          status: 'succeeded',
          startedAt: expect.stringMatching(/Z$/),
          finishedAt: expect.stringMatching(/Z$/),
          url: `http://localhost:3000/runs/${run.id}`,
        },
      },
    });
    expect(await deliveriesOf(t.db, onlyFailures)).toEqual([]);
    await expectNothingElse();
  });

  it('emits run.succeeded for a run the driver finished', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
    expect(run.status).toBe('queued');
    const { last } = await driveToEnd(t.db, run.id, engineDeps(clock, { http_request: remoteStep(false) }), clock);
    expect(last).toMatchObject({ kind: 'finished', status: 'succeeded' });
    const deliveries = await deliveriesOf(t.db, allEvents);
    expect(deliveries.map((delivery) => delivery.event_type)).toEqual(['run.succeeded']);
    expect(deliveries[0]!.payload.data.run).toMatchObject({ id: run.id, status: 'succeeded' });
    await expectNothingElse();
  });

  it('emits run.failed with the error to every subscription that asked for failures, under one event id', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
    const { last } = await driveToEnd(t.db, run.id, engineDeps(clock, { http_request: remoteStep(true) }), clock);
    expect(last).toMatchObject({ kind: 'finished', status: 'failed' });
    const [first] = await deliveriesOf(t.db, allEvents);
    const [second] = await deliveriesOf(t.db, onlyFailures);
    expect(first!.event_type).toBe('run.failed');
    expect(first!.payload.data.run).toMatchObject({
      id: run.id,
      status: 'failed',
      error: { code: 'upstream_refused', message: 'The upstream answered 400', stepId: 'call' },
    });
    expect(second!.event_id).toBe(first!.event_id);
    expect(second!.payload).toEqual(first!.payload);
    await expectNothingElse();
  });
});

describe('approval and backup events', () => {
  it('emits approval.requested when a run reaches an approval step', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      name: 'Refunds',
      steps: [{ id: 'ask', type: 'approval', config: { message: 'Refund 40?' } }],
    });
    const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
    const advance = await advanceRun(t.db, run.id, engineDeps(clock));
    expect(advance.kind).toBe('wait_approval');
    const [delivery, ...rest] = await deliveriesOf(t.db, allEvents);
    expect(rest).toEqual([]);
    expect(delivery!.event_type).toBe('approval.requested');
    expect(delivery!.payload.data.approval).toMatchObject({
      runId: run.id,
      workflowId: workflow.id,
      workflowName: 'Refunds',
      stepId: 'ask',
      message: 'Refund 40?',
      url: 'http://localhost:3000/approvals',
    });
    await expectNothingElse();
  });

  it('emits backup.verification_failed once when a snapshot no longer matches its checksum', async () => {
    const workflowId = await insertWorkflow(t.db, owner.workspaceId, { name: 'Shop export' });
    const id = await insertSnapshot(t.db, owner.workspaceId, workflowId, '2026-11-20T10:00:00Z');
    await sql`update backup_snapshots set content = set_byte(content, 2, 0) where id = ${id}`.execute(t.db);
    const snapshot = await t.db
      .selectFrom('backup_snapshots')
      .select('sha256')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++)
      await checkSnapshot(t.db, { id, workspaceId: owner.workspaceId, sha256: snapshot.sha256 }, { via: 'verify' });
    const deliveries = await deliveriesOf(t.db, allEvents);
    expect(deliveries.map((delivery) => delivery.event_type)).toEqual(['backup.verification_failed']);
    expect(deliveries[0]!.payload.data.snapshot).toMatchObject({
      id,
      workflowId,
      workflowName: 'Shop export',
      expectedSha256: snapshot.sha256,
      via: 'verify',
    });
    await expectNothingElse();
  });
});
