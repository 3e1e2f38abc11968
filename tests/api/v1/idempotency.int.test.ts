// Idempotency-Key on creating POSTs: the first success is replayed, never repeated; a different request under the
// same key is refused; a repeat while the first runs is told to retry; errors are not kept; keys expire after 24 h.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  hashRequest,
  IDEMPOTENCY_TTL_MS,
  pruneIdempotencyKeys,
  readIdempotencyKey,
  runIdempotently,
} from '@/lib/api/v1/idempotency';
import { seedMember } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;
let workspaceId: string;

beforeAll(async () => {
  test = await createTestDb();
  workspaceId = (await seedMember(test.db, 'owner')).workspaceId;
});
afterAll(() => test?.close());

const requestFor = (key: string, body: unknown = { name: 'A' }) => ({
  workspaceId,
  key,
  operationId: 'createWorkflow',
  requestHash: hashRequest('POST', '/api/v1/workflows', body),
});

/** A handler that creates something: counts its calls and answers 201 with the count. */
function creator() {
  const calls = { count: 0 };
  const perform = async () => {
    calls.count += 1;
    return Response.json({ created: calls.count }, { status: 201, headers: { location: `/things/${calls.count}` } });
  };
  return { calls, perform };
}

describe('runIdempotently', () => {
  it('replays the first success to a repeat, with its status, body and Location, and creates nothing more', async () => {
    const { calls, perform } = creator();
    const first = await runIdempotently(test.db, requestFor('k-replay'), perform);
    const again = await runIdempotently(test.db, requestFor('k-replay'), perform);
    expect(calls.count).toBe(1);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('location')).toBe('/things/1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses the same key with a different body or operation', async () => {
    const { perform } = creator();
    await runIdempotently(test.db, requestFor('k-other'), perform);
    await expect(runIdempotently(test.db, requestFor('k-other', { name: 'B' }), perform)).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    await expect(
      runIdempotently(test.db, { ...requestFor('k-other'), operationId: 'triggerRun' }, perform),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('runs concurrent repeats once: the others are told the first is still running', async () => {
    const { calls } = creator();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      calls.count += 1;
      await gate;
      return Response.json({ created: calls.count }, { status: 201 });
    };
    const first = runIdempotently(test.db, requestFor('k-race'), slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(runIdempotently(test.db, requestFor('k-race'), slow)).rejects.toMatchObject({
      code: 'idempotency_key_in_use',
    });
    release();
    expect((await first).status).toBe(201);
    expect(calls.count).toBe(1);
  });

  it('keeps no error: a failed or refused request may be retried with the same key', async () => {
    let attempt = 0;
    const flaky = async () => {
      attempt += 1;
      if (attempt === 1) throw new AppError('unavailable', 'try again');
      if (attempt === 2) return Response.json({ error: { code: 'conflict', message: 'no' } }, { status: 409 });
      return Response.json({ ok: true }, { status: 201 });
    };
    await expect(runIdempotently(test.db, requestFor('k-retry'), flaky)).rejects.toBeInstanceOf(AppError);
    expect((await runIdempotently(test.db, requestFor('k-retry'), flaky)).status).toBe(409);
    expect((await runIdempotently(test.db, requestFor('k-retry'), flaky)).status).toBe(201);
    expect((await runIdempotently(test.db, requestFor('k-retry'), flaky)).headers.get('idempotent-replayed')).toBe(
      'true',
    );
    expect(attempt).toBe(3);
  });

  it('forgets a key after 24 hours: the job prunes it and a late repeat runs again', async () => {
    const { calls, perform } = creator();
    const long = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000);
    await runIdempotently(test.db, requestFor('k-old'), perform, long);
    await runIdempotently(test.db, requestFor('k-old'), perform);
    expect(calls.count).toBe(2);
    await runIdempotently(test.db, requestFor('k-pruned'), perform, long);
    expect(await pruneIdempotencyKeys(test.db)).toBeGreaterThanOrEqual(1);
    const left = await test.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'k-pruned').execute();
    expect(left).toEqual([]);
  });

  it('keeps keys apart per workspace', async () => {
    const other = (await seedMember(test.db, 'owner')).workspaceId;
    const { calls, perform } = creator();
    await runIdempotently(test.db, requestFor('k-shared'), perform);
    await runIdempotently(test.db, { ...requestFor('k-shared'), workspaceId: other }, perform);
    expect(calls.count).toBe(2);
  });
});

describe('readIdempotencyKey', () => {
  it('reads a key and refuses one that is empty, too long or not visible ASCII, naming the header', () => {
    expect(readIdempotencyKey(new Headers({ 'idempotency-key': 'abc-123' }))).toBe('abc-123');
    expect(readIdempotencyKey(new Headers())).toBeNull();
    for (const bad of ['x'.repeat(256), 'has space', 'ümlaut']) {
      try {
        readIdempotencyKey(new Headers({ 'idempotency-key': bad }));
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect(error).toMatchObject({ code: 'validation_failed' });
        expect((error as AppError).details).toMatchObject({ issues: [{ path: 'headers.idempotency-key' }] });
      }
    }
  });
});
