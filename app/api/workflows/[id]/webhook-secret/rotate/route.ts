// POST /api/workflows/:id/webhook-secret/rotate { graceHours?, onlyIfNeverShown? } — a new signing secret, shown this once (admins).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { rotateWebhookSecret, rotateWebhookSecretSchema } from '@/lib/workflows/triggers/rotate-webhook-secret';

export const POST = withApi(
  { auth: 'sessionOrApiKey', body: rotateWebhookSecretSchema },
  async ({ scope, params, body }) =>
    Response.json(await rotateWebhookSecret(await getDb(), scope, idParam(params), body), {
      headers: { 'cache-control': 'no-store' },
    }),
);
