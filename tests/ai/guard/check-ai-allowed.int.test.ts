import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setOpsSetting } from '@/lib/admin/ops-settings';
import { checkAiAllowed } from '@/lib/ai/guard/check-ai-allowed';
import { setFlag } from '@/lib/flags/set-flag';
import { seedMember } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callsInMinute, clearAiGuardData, seedAiCalls } from '../seed-ai-calls';

let test: TestDb;
let acme: string;
let globex: string;
const now = new Date('2026-12-04T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const check = (workspaceId = acme, when = now) => checkAiAllowed(test.db, workspaceId, when);
/** The default budgets: 2000p a day for the platform, 200p a day per workspace (in microcents). */
const PLATFORM_BUDGET = 2_000 * 1_000_000;
const WORKSPACE_BUDGET = 200 * 1_000_000;

beforeAll(async () => {
  test = await createTestDb();
  acme = (await seedMember(test.db, 'owner')).workspaceId;
  globex = (await seedMember(test.db, 'owner')).workspaceId;
});
afterAll(() => test.close());
beforeEach(() => clearAiGuardData(test.db));

describe('the AI guard lets the model answer', () => {
  it('when nothing limits the workspace', async () => {
    await seedAiCalls(test.db, acme, [{ at: at(-3_600_000), costMicrocents: 50_000 }]);
    expect(await check()).toBeNull();
  });
});

describe('the kill switch', () => {
  it('stops every model call while ai.enabled is off, and they resume when it is on again', async () => {
    await setFlag(test.db, null, 'ai.enabled', false);
    expect(await check()).toBe('kill_switch');
    expect(await check(globex)).toBe('kill_switch');
    await setFlag(test.db, null, 'ai.enabled', true);
    expect(await check()).toBeNull();
  });
});

describe('daily budgets (UTC day)', () => {
  it("stops every workspace once today's platform spend reaches the platform budget", async () => {
    await seedAiCalls(test.db, globex, [{ at: at(-60_000 * 90), costMicrocents: PLATFORM_BUDGET }]);
    expect(await check()).toBe('budget_exhausted');
    expect(await check(globex)).toBe('budget_exhausted');
  });

  it('lets calls through just under the platform budget, and follows a budget the operator changes', async () => {
    await seedAiCalls(test.db, globex, [{ at: at(-60_000 * 90), costMicrocents: 150 * 1_000_000 }]);
    expect(await check()).toBeNull();
    await setOpsSetting(test.db, null, 'ai.daily_budget_cents', 150);
    expect(await check()).toBe('budget_exhausted');
  });

  it("does not count yesterday's spend", async () => {
    const lastNight = new Date('2026-12-03T23:59:30Z');
    await seedAiCalls(test.db, acme, [{ at: lastNight, costMicrocents: PLATFORM_BUDGET * 3 }]);
    expect(await check()).toBeNull();
    expect(await check(acme, new Date('2026-12-03T23:59:50Z'))).toBe('budget_exhausted');
  });

  it('stops a workspace that reached its own daily budget, but not the others', async () => {
    await seedAiCalls(test.db, acme, [
      { at: at(-60_000 * 120), costMicrocents: WORKSPACE_BUDGET / 2 },
      { at: at(-60_000 * 60), costMicrocents: WORKSPACE_BUDGET / 2 },
    ]);
    expect(await check()).toBe('budget_exhausted');
    expect(await check(globex)).toBeNull();
  });

  it("another workspace's spend never counts against this workspace's own budget", async () => {
    await seedAiCalls(test.db, globex, [{ at: at(-60_000 * 60), costMicrocents: WORKSPACE_BUDGET * 2 }]);
    expect(await check(globex)).toBe('budget_exhausted');
    expect(await check()).toBeNull();
  });

  it('follows the workspace budget an operator sets', async () => {
    await seedAiCalls(test.db, acme, [{ at: at(-60_000 * 60), costMicrocents: 5 * 1_000_000 }]);
    expect(await check()).toBeNull();
    await setOpsSetting(test.db, null, 'ai.workspace_daily_budget_cents', 5);
    expect(await check()).toBe('budget_exhausted');
  });
});

describe('throttles', () => {
  it('refuse while throttled_until is in the future, and allow again after it', async () => {
    await test.db
      .insertInto('ai_throttles')
      .values({ workspace_id: acme, throttled_until: at(5 * 60_000), reason: 'admin' })
      .execute();
    expect(await check()).toBe('throttled');
    expect(await check(globex)).toBeNull();
    expect(await check(acme, at(5 * 60_000 + 1))).toBeNull();
  });

  it("refuse once the minute's model calls reach the workspace's own calls per minute", async () => {
    await test.db.insertInto('ai_throttles').values({ workspace_id: acme, calls_per_minute: 3 }).execute();
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 2));
    expect(await check()).toBeNull();
    await seedAiCalls(test.db, acme, [{ at: at(-500) }]);
    expect(await check()).toBe('throttled');
    expect(await check(acme, at(61_000))).toBeNull();
  });

  it('refuse at the default calls per minute, counting model calls only', async () => {
    await setOpsSetting(test.db, null, 'ai.workspace_calls_per_minute', 5);
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 10, { source: 'fallback' }));
    await seedAiCalls(test.db, acme, callsInMinute(now, 1, 5));
    expect(await check()).toBeNull();
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 5));
    expect(await check()).toBe('throttled');
  });

  it('use the default of 20 calls a minute when nobody set one', async () => {
    // A steady busy workspace (18 a minute all hour), so 19 in the last minute is its norm, not a spike.
    for (let minute = 1; minute <= 60; minute++) await seedAiCalls(test.db, acme, callsInMinute(now, minute, 18));
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 19));
    expect(await check()).toBeNull();
    await seedAiCalls(test.db, acme, [{ at: at(-200) }]);
    expect(await check()).toBe('throttled');
  });

  it("never throttle a workspace for another workspace's calls or pause", async () => {
    await test.db
      .insertInto('ai_throttles')
      .values([{ workspace_id: globex, calls_per_minute: 1, throttled_until: at(60 * 60_000), reason: 'admin' }])
      .execute();
    await seedAiCalls(test.db, globex, callsInMinute(now, 0, 20));
    expect(await check(globex)).toBe('throttled');
    expect(await check()).toBeNull();
  });
});
