// POST /api/v1/webhooks/:id/test — send a signed `ping` now and answer with its delivery.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { testWebhookOperation } from '@/lib/openapi/operations/webhooks';
import { sendTestWebhook } from '@/lib/webhooks/send-test-webhook';

export const POST = withV1(testWebhookOperation, async ({ db, scope, params }) =>
  Response.json(await sendTestWebhook(db, scope, params.id)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
