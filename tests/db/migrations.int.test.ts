import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectWithRetry } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { migrations } from '@/db/migrations';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

describe('migrations', () => {
  it('creates the tables and records every migration', async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(test.db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
    await test.db.insertInto('telemetry_logs').values({ level: 'info', kind: 'event', name: 'test.event' }).execute();
    const row = await test.db.selectFrom('telemetry_logs').selectAll().executeTakeFirstOrThrow();
    expect(row.meta).toEqual({});
    expect(row.created_at).toBeInstanceOf(Date);
  });

  it('is a no-op when already up to date', async () => {
    expect(await migrateToLatest(test.db)).toEqual([]);
  });

  it('refuses rows that break the table rules', async () => {
    await expect(
      test.db
        .insertInto('telemetry_logs')
        .values({ level: 'fatal' as 'error', kind: 'event', name: 'x' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('connectWithRetry', () => {
  it('backs off exponentially and gives up after the last attempt', async () => {
    const sleep = vi.fn(async (_ms: number) => {});
    const failing = { executeQuery: () => Promise.reject(new Error('ECONNREFUSED')) };
    const db = { getExecutor: () => failing } as never;
    await expect(connectWithRetry(db, { attempts: 4, baseDelayMs: 100, sleep })).rejects.toThrow(
      'Database unreachable after 4 attempts',
    );
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([100, 200, 400]);
  });

  it('returns as soon as the database answers', async () => {
    const sleep = vi.fn(async () => {});
    await connectWithRetry(test.db, { sleep });
    expect(sleep).not.toHaveBeenCalled();
  });
});
