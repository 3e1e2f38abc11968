import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFlagEnabled } from '@/lib/flags/is-flag-enabled';
import { knownFlags } from '@/lib/flags/flags';
import { listFlags } from '@/lib/flags/list-flags';
import { setFlag } from '@/lib/flags/set-flag';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type Seeded, seedMember } from './seed';

let test: TestDb;
let operator: Seeded;
beforeAll(async () => {
  test = await createTestDb();
  operator = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());

describe('feature flags', () => {
  it('follow the registry default while unset', async () => {
    expect(await isFlagEnabled(test.db, 'ai.enabled')).toBe(true);
    const flags = await listFlags(test.db);
    expect(flags.map((f) => f.key)).toEqual(Object.keys(knownFlags));
    expect(flags.find((f) => f.key === 'workflows.runs_enabled')).toMatchObject({
      enabled: true,
      defaultEnabled: true,
      updatedAt: null,
      description: 'kill switch: no new workflow runs',
    });
  });

  it('turn off and back on', async () => {
    const off = await setFlag(test.db, operator.userId, 'workflows.runs_enabled', false);
    expect(off).toMatchObject({ key: 'workflows.runs_enabled', enabled: false, updatedBy: operator.userId });
    expect(await isFlagEnabled(test.db, 'workflows.runs_enabled')).toBe(false);
    expect((await listFlags(test.db)).find((f) => f.key === 'workflows.runs_enabled')?.enabled).toBe(false);
    await setFlag(test.db, operator.userId, 'workflows.runs_enabled', true);
    expect(await isFlagEnabled(test.db, 'workflows.runs_enabled')).toBe(true);
    expect(await isFlagEnabled(test.db, 'signups.enabled')).toBe(true);
  });

  it('refuse an unknown key and store nothing', async () => {
    await expect(setFlag(test.db, operator.userId, 'nope.enabled', true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setFlag(test.db, operator.userId, 'toString', true)).rejects.toMatchObject({ code: 'not_found' });
    const stored = await test.db
      .selectFrom('feature_flags')
      .select('key')
      .where('key', 'in', ['nope.enabled', 'toString'])
      .execute();
    expect(stored).toEqual([]);
  });

  it('write an audit entry for each change', async () => {
    await setFlag(test.db, operator.userId, 'ai.enabled', false);
    const entry = await test.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('action', '=', 'flag.changed')
      .where('target_id', '=', 'ai.enabled')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      workspace_id: null,
      actor_user_id: operator.userId,
      target_type: 'flag',
      meta: { enabled: false, previous: true },
    });
  });
});
