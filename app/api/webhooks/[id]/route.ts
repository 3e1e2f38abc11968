// PATCH /api/webhooks/:id — change, pause or resume a subscription; DELETE — unsubscribe (admins).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { deleteWebhook } from '@/lib/webhooks/delete-webhook';
import { updateWebhookSchema } from '@/lib/webhooks/schemas';
import { updateWebhook } from '@/lib/webhooks/update-webhook';

export const PATCH = withApi({ auth: 'session', body: updateWebhookSchema }, async ({ scope, params, body }) =>
  Response.json(await updateWebhook(await getDb(), scope, idParam(params), body)),
);

export const DELETE = withApi({ auth: 'session' }, async ({ scope, params }) => {
  await deleteWebhook(await getDb(), scope, idParam(params));
  return new Response(null, { status: 204 });
});
