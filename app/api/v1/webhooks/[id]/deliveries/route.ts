// GET /api/v1/webhooks/:id/deliveries — a subscription's deliveries, newest first, with their attempts.
import { decodeTimeIdCursor, encodeTimeIdCursor, toPage } from '@/lib/api/v1/cursor';
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listWebhookDeliveriesOperation } from '@/lib/openapi/operations/webhooks';
import { listWebhookDeliveries } from '@/lib/webhooks/list-webhook-deliveries';

export const GET = withV1(listWebhookDeliveriesOperation, async ({ db, scope, params, query }) => {
  const rows = await listWebhookDeliveries(db, scope, params.id, {
    after: decodeTimeIdCursor(query.cursor),
    limit: query.limit + 1,
    status: query.status,
  });
  return Response.json(toPage(rows, query.limit, (row) => encodeTimeIdCursor(new Date(row.createdAt), row.id)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
