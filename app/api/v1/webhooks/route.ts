// GET /api/v1/webhooks — the workspace's event subscriptions; POST — subscribe a URL (the secret is shown once).
import { decodeTimeIdCursor, encodeTimeIdCursor, toPage } from '@/lib/api/v1/cursor';
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { createWebhookOperation, listWebhooksOperation } from '@/lib/openapi/operations/webhooks';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';

export const GET = withV1(listWebhooksOperation, async ({ db, scope, query }) => {
  const rows = await listWebhooks(db, scope, { after: decodeTimeIdCursor(query.cursor), limit: query.limit + 1 });
  return Response.json(toPage(rows, query.limit, (row) => encodeTimeIdCursor(new Date(row.createdAt), row.id)));
});

export const POST = withV1(createWebhookOperation, async ({ db, scope, body }) =>
  Response.json(await createWebhook(db, scope, body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
