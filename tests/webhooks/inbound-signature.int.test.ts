// The inbound webhook trigger speaks the same scheme as outgoing deliveries: a timestamped signature is accepted,
// one older than 5 minutes is refused with 401, and senders still signing the body alone keep working.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { signedHeaders, signWebhookPayload } from '@/lib/webhooks/signature';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from '../workflows/fixtures';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());

const hookRoute = await import('@/app/api/hooks/[token]/route');

let test: TestDb;
let owner: Seeded;
let token: string;
const secret = 'whsec_inbound-secret-value';
const body = JSON.stringify({ order: 'A-1' });

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  const workflow = await seedWorkflow(test.db, owner.workspaceId, {
    trigger: { type: 'webhook', requireSignature: true },
    steps: [{ id: 'note', type: 'log', config: { message: 'Order' } }],
  });
  const row = await test.db
    .updateTable('workflows')
    .set({ webhook_secret: encryptSecret(secret, owner.workspaceId) })
    .where('id', '=', workflow.id)
    .returning('webhook_token')
    .executeTakeFirstOrThrow();
  token = row.webhook_token;
});
afterAll(() => test?.close());

async function deliver(headers: Record<string, string>) {
  const response = await hookRoute.POST(
    request(`/api/hooks/${token}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    }),
    params({ token }),
  );
  return { status: response.status, body: await response.json() };
}

describe('inbound webhook signatures', () => {
  it('starts a run for a delivery signed with the timestamped scheme', async () => {
    const answer = await deliver(signedHeaders(secret, body));
    expect(answer.status).toBe(202);
    expect(answer.body.runId).toBeTruthy();
  });

  it('refuses a timestamped signature more than 5 minutes old with 401, naming the timestamp', async () => {
    const answer = await deliver(signedHeaders(secret, body, new Date(Date.now() - 6 * 60_000)));
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain('x-levqor-timestamp');
  });

  it('refuses a timestamped signature made with another secret', async () => {
    expect((await deliver(signedHeaders('not-the-secret', body))).status).toBe(401);
  });

  it('still accepts the older body-only signature when no timestamp is sent', async () => {
    expect((await deliver({ 'x-levqor-signature': signWebhookPayload(secret, null, body) })).status).toBe(202);
  });

  it('refuses a body-only signature sent beside a timestamp (the timestamp must be signed too)', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const answer = await deliver({
      'x-levqor-timestamp': timestamp,
      'x-levqor-signature': signWebhookPayload(secret, null, body),
    });
    expect(answer.status).toBe(401);
  });
});
