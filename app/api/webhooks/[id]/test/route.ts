// POST /api/webhooks/:id/test — "Send test event": a signed ping now, answered with its delivery.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { sendTestWebhook } from '@/lib/webhooks/send-test-webhook';

export const POST = withApi({ auth: 'session' }, async ({ scope, params }) =>
  Response.json(await sendTestWebhook(await getDb(), scope, idParam(params))),
);
