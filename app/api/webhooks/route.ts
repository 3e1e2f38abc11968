// GET /api/webhooks — the workspace's event subscriptions; POST — subscribe a URL (admins; the secret is shown once).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';
import { createWebhookSchema } from '@/lib/webhooks/schemas';

export const GET = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json({ data: await listWebhooks(await getDb(), scope, { limit: 100 }) }),
);

export const POST = withApi({ auth: 'session', body: createWebhookSchema }, async ({ scope, body }) =>
  Response.json(await createWebhook(await getDb(), scope, body), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  }),
);
