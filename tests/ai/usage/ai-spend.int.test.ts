import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getAiSpend } from '@/lib/ai/usage/get-ai-spend';
import { getWorkspaceAiUsage } from '@/lib/ai/usage/get-workspace-ai-usage';
import { listAiThrottles } from '@/lib/ai/usage/list-ai-throttles';
import { setOpsSetting } from '@/lib/admin/ops-settings';
import { seedMember } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { clearAiGuardData, seedAiCalls } from '../seed-ai-calls';

let test: TestDb;
let acme: string;
let globex: string;
let initech: string;
const now = new Date('2026-12-04T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

beforeAll(async () => {
  test = await createTestDb();
  acme = (await seedMember(test.db, 'owner')).workspaceId;
  globex = (await seedMember(test.db, 'owner')).workspaceId;
  initech = (await seedMember(test.db, 'owner')).workspaceId;
  await test.db.updateTable('workspaces').set({ name: 'Globex' }).where('id', '=', globex).execute();
  await test.db.updateTable('workspaces').set({ name: 'Initech' }).where('id', '=', initech).execute();
});
afterAll(() => test.close());
beforeEach(async () => {
  await clearAiGuardData(test.db);
  await seedAiCalls(test.db, acme, [
    { at: hoursAgo(1), costMicrocents: 1_500_000, promptTokens: 1_000, completionTokens: 200 },
    { at: hoursAgo(2), source: 'fallback' },
    { at: hoursAgo(14), costMicrocents: 9_000_000, promptTokens: 5_000, completionTokens: 900 },
    { at: hoursAgo(24 * 40), costMicrocents: 99_000_000 },
  ]);
  await seedAiCalls(test.db, globex, [
    { at: hoursAgo(3), costMicrocents: 4_000_000, promptTokens: 3_000, completionTokens: 500 },
    { at: hoursAgo(3), source: 'fallback' },
    { at: hoursAgo(3), source: 'fallback' },
  ]);
});

describe("the platform's AI spend", () => {
  it('adds up today (UTC) and the last 30 days: answers, model vs fallback, tokens and cost in pence', async () => {
    const spend = await getAiSpend(test.db, now);
    expect(spend.today).toEqual({
      calls: 5,
      modelCalls: 2,
      fallbackCalls: 3,
      promptTokens: 4_000,
      completionTokens: 700,
      costCents: 5.5,
    });
    expect(spend.last30d).toEqual({
      calls: 6,
      modelCalls: 3,
      fallbackCalls: 3,
      promptTokens: 9_000,
      completionTokens: 1_600,
      costCents: 14.5,
    });
  });

  it('lists the workspaces that spent most today, with their names', async () => {
    const { topWorkspacesToday } = await getAiSpend(test.db, now);
    expect(topWorkspacesToday).toEqual([
      { workspaceId: globex, name: 'Globex', calls: 3, modelCalls: 1, costCents: 4 },
      { workspaceId: acme, name: 'Acme', calls: 2, modelCalls: 1, costCents: 1.5 },
    ]);
  });
});

describe("a workspace's AI use today", () => {
  it('counts its own answers and spend only, against its daily budget', async () => {
    await setOpsSetting(test.db, null, 'ai.workspace_daily_budget_cents', 50);
    expect(await getWorkspaceAiUsage(test.db, { workspaceId: acme }, now)).toEqual({
      modelAnswers: 1,
      fallbackAnswers: 1,
      spentCents: 1.5,
      dailyBudgetCents: 50,
      throttledUntil: null,
    });
    expect(await getWorkspaceAiUsage(test.db, { workspaceId: initech }, now)).toMatchObject({
      modelAnswers: 0,
      fallbackAnswers: 0,
      spentCents: 0,
    });
  });

  it('says until when it is throttled', async () => {
    const until = new Date(now.getTime() + 10 * 60_000);
    await test.db.insertInto('ai_throttles').values({ workspace_id: acme, throttled_until: until }).execute();
    expect((await getWorkspaceAiUsage(test.db, { workspaceId: acme }, now)).throttledUntil).toEqual(until);
    expect((await getWorkspaceAiUsage(test.db, { workspaceId: globex }, now)).throttledUntil).toBeNull();
  });
});

describe('the throttled workspaces', () => {
  it('lists paused workspaces and those with their own limit, not expired pauses', async () => {
    await test.db
      .insertInto('ai_throttles')
      .values([
        { workspace_id: acme, throttled_until: new Date(now.getTime() + 60_000), reason: 'spike' },
        { workspace_id: globex, calls_per_minute: 5, reason: 'admin' },
        { workspace_id: initech, throttled_until: new Date(now.getTime() - 60_000), reason: 'spike' },
      ])
      .execute();
    const throttles = await listAiThrottles(test.db, now);
    expect(throttles.map((row) => [row.workspaceName, row.active, row.callsPerMinute, row.reason]).sort()).toEqual([
      ['Acme', true, null, 'spike'],
      ['Globex', false, 5, 'admin'],
    ]);
  });
});
