// POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver — send the event again now, as a new delivery.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { redeliverWebhookDeliveryOperation } from '@/lib/openapi/operations/webhooks';
import { redeliverWebhookDelivery } from '@/lib/webhooks/redeliver-webhook-delivery';

export const POST = withV1(redeliverWebhookDeliveryOperation, async ({ db, scope, params }) =>
  Response.json(await redeliverWebhookDelivery(db, scope, params.id, params.deliveryId)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
