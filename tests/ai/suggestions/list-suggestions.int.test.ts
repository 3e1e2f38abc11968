import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listSuggestions } from '@/lib/ai/suggestions/list-suggestions';
import type { Suggestion, SuggestionKind } from '@/lib/ai/suggestions/suggestion-rules';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { updateWorkflow } from '@/lib/workflows/update-workflow';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { seedMember, type Seeded } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;
let owner: Seeded;

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());
beforeEach(async () => {
  owner = await seedMember(test.db, 'owner');
});

const fetchOrders = { id: 'fetch', type: 'http_request', config: { url: 'https://api.shop.test/orders' } };
const postInvoice = {
  id: 'invoice',
  type: 'http_request',
  name: 'Create invoice',
  config: { method: 'POST', url: 'https://api.books.test/invoices', body: { total: 1 } },
};
const logIt = { id: 'note', type: 'log', config: { message: 'done' } };

async function workflow(steps: unknown[], extra: Record<string, unknown> = {}) {
  const created = await createWorkflow(test.db, owner.scope, {
    name: 'Orders sync',
    trigger: { type: 'manual' },
    steps,
    ...extra,
  });
  return created.id;
}

async function suggestions(workflowId?: string) {
  return listSuggestions(test.db, owner.scope, { locale: 'en', workflowId });
}
const ofKind = (list: Suggestion[], kind: SuggestionKind) => list.find((suggestion) => suggestion.kind === kind);

async function applyChange(suggestion: Suggestion) {
  expect(validateDefinition(suggestion.change!.definition, { workflowId: suggestion.workflowId }).ok).toBe(true);
  return updateWorkflow(test.db, owner.scope, suggestion.workflowId, suggestion.change!.definition, {
    expectedVersion: suggestion.change!.baseVersion,
  });
}

async function insertRuns(workflowId: string, statuses: ('succeeded' | 'failed')[]) {
  const ids: string[] = [];
  for (const [index, status] of statuses.entries()) {
    const row = await test.db
      .insertInto('workflow_runs')
      .values({
        workspace_id: owner.workspaceId,
        workflow_id: workflowId,
        version: 1,
        status,
        trigger_type: 'manual',
        finished_at: new Date(Date.now() - (statuses.length - index) * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

describe('workflow suggestions', () => {
  it('suggests a backup step after a GET that nothing backs up, and applying it saves a valid new version', async () => {
    const id = await workflow([fetchOrders, logIt]);
    const backup = ofKind(await suggestions(id), 'backup');
    expect(backup).toMatchObject({ id: `backup:${id}:fetch`, params: { step: 'fetch' } });
    expect(backup!.change!.baseVersion).toBe(1);
    const saved = await applyChange(backup!);
    expect(saved.currentVersion).toBe(2);
    expect(saved.definition.steps.map((step) => step.id)).toEqual(['fetch', 'backup_fetch', 'note']);
    expect(saved.definition.steps[1]!.config).toMatchObject({ data: '{{steps.fetch.output.body}}' });
    expect(ofKind(await suggestions(id), 'backup')).toBeUndefined();
  });

  it('does not suggest a backup when the workflow already has one, or only writes', async () => {
    const backedUp = await workflow([
      fetchOrders,
      { id: 'save', type: 'backup', config: { name: 'Orders', format: 'json', data: '{{steps.fetch.output.body}}' } },
    ]);
    expect(ofKind(await suggestions(backedUp), 'backup')).toBeUndefined();
    expect(ofKind(await suggestions(await workflow([postInvoice])), 'backup')).toBeUndefined();
  });

  it('suggests an approval before a write call, routing every path through it', async () => {
    const id = await workflow([logIt, postInvoice], {});
    const approval = ofKind(await suggestions(id), 'approval');
    expect(approval).toMatchObject({ params: { step: 'Create invoice' } });
    const saved = await applyChange(approval!);
    expect(saved.definition.steps.map((step) => [step.id, step.type])).toEqual([
      ['note', 'log'],
      ['approve_invoice', 'approval'],
      ['invoice', 'http_request'],
    ]);
    expect(saved.definition.steps[1]!.config.message).toBe('Approve before “Create invoice” runs?');
    expect(ofKind(await suggestions(id), 'approval')).toBeUndefined();
  });

  it('does not suggest an approval for read-only workflows or when the workspace already holds class B back', async () => {
    expect(ofKind(await suggestions(await workflow([fetchOrders, logIt])), 'approval')).toBeUndefined();
    const id = await workflow([postInvoice]);
    await test.db
      .updateTable('workspaces')
      .set({ approval_policy: 'class_b_and_c' })
      .where('id', '=', owner.workspaceId)
      .execute();
    expect(ofKind(await suggestions(id), 'approval')).toBeUndefined();
  });

  it('suggests more attempts when a workflow calling other services tries only once', async () => {
    const weak = await workflow([fetchOrders], { settings: { retry: { maxAttempts: 1 } } });
    const retry = ofKind(await suggestions(weak), 'retry');
    expect(retry).toMatchObject({ params: { attempts: 1, suggested: 5 } });
    expect(retry!.change!.changes).toEqual([{ path: 'settings.retry.maxAttempts', before: 1, after: 5 }]);
    const saved = await applyChange(retry!);
    expect(saved.definition.settings.retry.maxAttempts).toBe(5);
    expect(ofKind(await suggestions(await workflow([fetchOrders])), 'retry')).toBeUndefined();
    const local = await workflow([logIt], { settings: { retry: { maxAttempts: 1 } } });
    expect(ofKind(await suggestions(local), 'retry')).toBeUndefined();
  });

  it('suggests a failure alert for a workflow that runs on its own, until one listens for its failures', async () => {
    const id = await workflow([logIt], { trigger: { type: 'schedule', cron: '0 9 * * *', timezone: 'UTC' } });
    const alert = ofKind(await suggestions(id), 'failureAlert');
    expect(alert).toMatchObject({ params: { email: owner.email }, change: null });
    expect(alert!.create).toMatchObject({
      name: 'Alert: Orders sync failed',
      trigger: { type: 'event', event: 'workflow.failed', workflowId: id },
      steps: [{ type: 'email', config: { to: owner.email } }],
    });
    await createWorkflow(test.db, owner.scope, alert!.create);
    expect(ofKind(await suggestions(id), 'failureAlert')).toBeUndefined();
    expect(ofKind(await suggestions(await workflow([logIt])), 'failureAlert')).toBeUndefined();
  });

  it('points a workflow that keeps failing to the debug assistant on its latest failed run', async () => {
    const id = await workflow([logIt]);
    const runs = await insertRuns(id, ['succeeded', 'failed', 'failed', 'succeeded', 'failed']);
    const failing = ofKind(await suggestions(id), 'keepsFailing');
    expect(failing).toMatchObject({ params: { failed: 3, total: 5 }, href: `/runs/${runs[4]}` });
    const healthy = await workflow([logIt]);
    await insertRuns(healthy, ['failed', 'succeeded', 'succeeded', 'succeeded', 'failed', 'succeeded', 'failed']);
    expect(ofKind(await suggestions(healthy), 'keepsFailing')).toBeUndefined();
  });

  it('asks to fill in a template’s placeholders', async () => {
    const id = await workflow([
      { id: 'fetch', type: 'http_request', config: { url: 'https://YOUR-SHOP.example.com/orders' } },
    ]);
    expect(ofKind(await suggestions(id), 'placeholders')).toMatchObject({
      params: { count: 1, step: 'fetch', field: 'url' },
      href: `/workflows/${id}`,
    });
    expect(ofKind(await suggestions(await workflow([fetchOrders])), 'placeholders')).toBeUndefined();
  });

  it('refuses a stale change: the workflow moved on since the suggestion was made', async () => {
    const id = await workflow([fetchOrders]);
    const backup = ofKind(await suggestions(id), 'backup')!;
    const current = await getWorkflow(test.db, owner.scope, id);
    await updateWorkflow(test.db, owner.scope, id, { ...current.definition, name: 'Renamed' }, { expectedVersion: 1 });
    await expect(applyChange(backup)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('orders the most urgent first, is the same every time, and never looks at another workspace', async () => {
    const id = await workflow([fetchOrders, postInvoice], { settings: { retry: { maxAttempts: 1 } } });
    await insertRuns(id, ['failed', 'failed', 'failed']);
    const first = await suggestions();
    expect(first.map((suggestion) => suggestion.kind)).toEqual(['keepsFailing', 'approval', 'backup', 'retry']);
    expect(await suggestions()).toEqual(first);
    const other = await seedMember(test.db, 'owner');
    expect(await listSuggestions(test.db, other.scope, { locale: 'en' })).toEqual([]);
    expect(await listSuggestions(test.db, other.scope, { locale: 'en', workflowId: id })).toEqual([]);
  });
});
