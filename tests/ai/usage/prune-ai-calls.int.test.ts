import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { seedMember } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { seedAiCalls } from '../seed-ai-calls';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
}, 60_000);
afterAll(() => test.close());

const DAY = 86_400_000;
const retention = jobDefinitions.find((job) => job.id === 'ai-call-retention')!;

describe('the ai-call-retention job', () => {
  it('deletes spend records older than 400 days and ended spike throttles, and keeps the rest', async () => {
    const now = new Date('2026-12-04T04:45:00Z');
    const spiked = await seedMember(test.db, 'owner');
    const limited = await seedMember(test.db, 'owner');
    await seedAiCalls(test.db, spiked.workspaceId, [
      { at: new Date(now.getTime() - 401 * DAY) },
      { at: new Date(now.getTime() - 399 * DAY) },
      { at: new Date(now.getTime() - DAY) },
    ]);
    await test.db
      .insertInto('ai_throttles')
      .values([
        { workspace_id: spiked.workspaceId, throttled_until: new Date(now.getTime() - 60_000), reason: 'spike' },
        {
          workspace_id: limited.workspaceId,
          calls_per_minute: 5,
          throttled_until: new Date(now.getTime() - 60_000),
          reason: 'admin',
        },
      ])
      .execute();

    expect(retention.cron).toBe('45 4 * * *');
    expect(await retention.run({ db: test.db, now, logger: pino({ level: 'silent' }) })).toEqual({
      calls: 1,
      throttles: 1,
    });
    const left = await test.db.selectFrom('ai_calls').select('created_at').execute();
    expect(left).toHaveLength(2);
    const throttles = await test.db.selectFrom('ai_throttles').select('workspace_id').execute();
    expect(throttles).toEqual([{ workspace_id: limited.workspaceId }]);
  });
});
