import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logError, logEvent, logPerformance } from '@/lib/guardian/telemetry';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

describe('telemetry helpers', () => {
  it('store events, errors and timings with personal data masked', async () => {
    await logEvent(test.db, { name: 'workflow.created', message: 'created by ada@example.com', meta: { plan: 'pro' } });
    await logError(test.db, {
      name: 'api.unhandled_error',
      message: 'token lvq_live_abcdefghijkl rejected',
      status: 500,
      path: '/api/x',
    });
    await logPerformance(test.db, { name: 'api.request', path: '/api/slow', duration_ms: 2_500 });
    const rows = await test.db
      .selectFrom('telemetry_logs')
      .select(['kind', 'level', 'message', 'meta', 'duration_ms'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        kind: 'event',
        level: 'info',
        message: 'created by a***@example.com',
        meta: { plan: 'pro' },
        duration_ms: null,
      },
      { kind: 'error', level: 'error', message: 'token lvq_live_[REDACTED] rejected', meta: {}, duration_ms: null },
      { kind: 'performance', level: 'warn', message: null, meta: {}, duration_ms: 2_500 },
    ]);
  });
});
