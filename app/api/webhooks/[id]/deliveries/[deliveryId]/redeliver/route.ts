// POST /api/webhooks/:id/deliveries/:deliveryId/redeliver — send an event again now, as a new delivery.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { redeliverWebhookDelivery } from '@/lib/webhooks/redeliver-webhook-delivery';

export const POST = withApi({ auth: 'session' }, async ({ scope, params }) =>
  Response.json(await redeliverWebhookDelivery(await getDb(), scope, idParam(params), idParam(params, 'deliveryId'))),
);
