// Every secret a flow creates (webhook tokens, invitation tokens, approval-link tokens, magic-link tokens, API keys)
// is looked for in everything written to the log and to telemetry_logs while those flows run: none may appear.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { withApi } from '@/lib/api/with-api';
import { sendMagicLink } from '@/lib/auth/send-magic-link';
import { flushRequestTimings } from '@/lib/guardian/request-timings';
import { logError, logEvent } from '@/lib/guardian/telemetry';
import { approvalLinkToken, approvalLinkUrl } from '@/lib/workflows/approvals/approval-link';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { capturedLogs } from '../helpers/captured-logs';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { driveToEnd, engineDeps, testClock } from '../workflows/fixtures';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());
vi.mock('@/lib/logger', async (importOriginal) =>
  (await import('../helpers/captured-logs')).loggerModule(await importOriginal()),
);

const workflowsRoute = await import('@/app/api/workflows/route');
const hookRoute = await import('@/app/api/hooks/[token]/route');
const invitationsRoute = await import('@/app/api/invitations/route');
const linkDecisionRoute = await import('@/app/api/approvals/[id]/link-decision/route');
const meRoute = await import('@/app/api/me/route');

let test: TestDb;
let owner: Seeded;
const secrets: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  session.current = owner;
});
afterAll(() => test.close());

describe('secrets never reach the logs or telemetry', () => {
  it('masks webhook, invitation, approval-link and magic-link tokens and API keys wherever a path or message is written', async () => {
    const created = await (
      await workflowsRoute.POST(
        request('/api/workflows', {
          method: 'POST',
          json: {
            name: 'Refunds',
            trigger: { type: 'webhook' },
            steps: [{ id: 'ask', type: 'approval', config: { message: 'Refund?' } }],
          },
        }),
      )
    ).json();
    secrets.webhookToken = String(created.webhookUrl).split('/').pop()!;
    secrets.unknownWebhookToken = `wh_${randomBytes(24).toString('base64url')}`;

    // Deliveries that succeed, and one to a URL nobody listens at: the request log line names the path each time.
    const delivered = await hookRoute.POST(
      request(`/api/hooks/${secrets.webhookToken}`, { method: 'POST', json: { order: 1 } }),
      params({ token: secrets.webhookToken }),
    );
    expect(delivered.status).toBe(202);
    const unknown = await hookRoute.POST(
      request(`/api/hooks/${secrets.unknownWebhookToken}`, { method: 'POST', json: {} }),
      params({ token: secrets.unknownWebhookToken }),
    );
    expect(unknown.status).toBe(404);

    // The approval email's link, and deciding through it (the token also travels in the query of the page link).
    const { runId } = await delivered.json();
    const clock = testClock(new Date());
    await driveToEnd(test.db, runId, engineDeps(clock), clock);
    const approval = await test.db
      .selectFrom('workflow_approvals')
      .select('id')
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    secrets.approvalToken = approvalLinkToken(approval.id);
    const link = approvalLinkUrl(approval.id);
    expect(link).toContain(secrets.approvalToken);
    const decided = await linkDecisionRoute.POST(
      request(`/api/approvals/${approval.id}/link-decision?token=${secrets.approvalToken}`, {
        method: 'POST',
        json: { decision: 'approve', token: secrets.approvalToken },
      }),
      params({ id: approval.id }),
    );
    expect(decided.status).toBe(200);

    // An invitation (its accept URL carries the token) and a magic link.
    expect(
      (
        await invitationsRoute.POST(
          request('/api/invitations', { method: 'POST', json: { email: 'new.hire@example.com', role: 'member' } }),
        )
      ).status,
    ).toBe(201);
    const invitationEmail = await test.db
      .selectFrom('email_outbox')
      .select('text')
      .where('to_address', '=', 'new.hire@example.com')
      .executeTakeFirstOrThrow();
    secrets.invitationToken = /\/invite\/([\w-]+)/.exec(invitationEmail.text)![1]!;
    secrets.magicLinkToken = randomBytes(32).toString('hex');
    await sendMagicLink(
      test.db,
      'ada@example.com',
      `http://levqor.test/api/auth/callback/resend?callbackUrl=%2Fdashboard&token=${secrets.magicLinkToken}&email=ada%40example.com`,
    );

    // An API key used on a request.
    secrets.apiKey = (await createApiKey(test.db, owner.scope, { name: 'ci', scopes: ['read'] })).key;
    expect((await meRoute.GET(request('/api/me', { key: secrets.apiKey }))).status).toBe(200);

    // A route that fails at a token-bearing URL (as withApi records it), and telemetry naming the URLs in free text.
    const failing = withApi({ auth: 'public' }, () => {
      throw new Error(`upstream refused ${link}`);
    });
    const failedPath = `/api/hooks/${secrets.webhookToken}`;
    expect((await failing(request(`${failedPath}?token=${secrets.approvalToken}`))).status).toBe(500);
    await logError(test.db, {
      name: 'api.unhandled_error',
      message: `could not reach http://levqor.test/invite/${secrets.invitationToken}`,
      path: failedPath,
      status: 500,
      meta: { url: link },
    });
    await logEvent(test.db, {
      name: 'webhook.received',
      path: `/api/hooks/${secrets.webhookToken}`,
      message: `delivery to /api/hooks/${secrets.webhookToken} with key ${secrets.apiKey}`,
    });
    await flushRequestTimings();

    const telemetry = JSON.stringify(await test.db.selectFrom('telemetry_logs').selectAll().execute());
    const logs = capturedLogs.join('');
    expect(logs).toContain('/api/hooks/[REDACTED]');
    expect(telemetry).toContain('/api/hooks/');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(15);
      expect(logs.includes(secret), `${name} in the log`).toBe(false);
      expect(telemetry.includes(secret), `${name} in telemetry_logs`).toBe(false);
    }
  });
});
