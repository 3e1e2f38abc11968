// GET /api/v1/webhooks/:id — one subscription; PATCH — change or pause it; DELETE — unsubscribe (204).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { deleteWebhookOperation, getWebhookOperation, updateWebhookOperation } from '@/lib/openapi/operations/webhooks';
import { deleteWebhook } from '@/lib/webhooks/delete-webhook';
import { getWebhook } from '@/lib/webhooks/get-webhook';
import { updateWebhook } from '@/lib/webhooks/update-webhook';

export const GET = withV1(getWebhookOperation, async ({ db, scope, params }) =>
  Response.json(await getWebhook(db, scope, params.id)),
);

export const PATCH = withV1(updateWebhookOperation, async ({ db, scope, params, body }) =>
  Response.json(await updateWebhook(db, scope, params.id, body)),
);

export const DELETE = withV1(deleteWebhookOperation, async ({ db, scope, params }) => {
  await deleteWebhook(db, scope, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = otherMethods(['GET', 'PATCH', 'DELETE']);
