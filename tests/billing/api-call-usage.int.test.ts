// Requests made with an API key count towards the workspace's metered API calls (Billing → Usage); session requests
// from the app do not, and another workspace's count is untouched.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { flushApiCalls } from '@/lib/billing/record-usage';
import { getBillingSummary } from '@/lib/billing/get-billing-summary';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const meRoute = await import('@/app/api/me/route');
const workflowsRoute = await import('@/app/api/workflows/route');

let test: TestDb;
let owner: Seeded;
let other: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  other = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());

const apiCalls = async (who: Seeded) => (await getBillingSummary(test.db, who.scope)).thisMonth.api_calls;

describe('API call metering', () => {
  it('counts each API-key request once, and no session request', async () => {
    const { key } = await createApiKey(test.db, owner.scope, { name: 'script', scopes: ['read'] });
    for (let i = 0; i < 3; i++) expect((await meRoute.GET(request('/api/me', { key }))).status).toBe(200);
    expect((await workflowsRoute.GET(request('/api/workflows', { key }))).status).toBe(200);
    session.current = owner;
    expect((await meRoute.GET(request('/api/me'))).status).toBe(200);
    expect((await meRoute.GET(request('/api/me', { key: 'lvq_live_not-a-key' }))).status).toBe(401);
    await flushApiCalls(test.db);
    expect(await apiCalls(owner)).toBe(4);
    expect(await apiCalls(other)).toBe(0);
  });
});
