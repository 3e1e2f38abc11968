// POST /api/hooks/:token — a workflow's inbound webhook: optional HMAC check on the raw body, 202 with the run id.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { limits } from '@/lib/workflows/definition';
import { receiveWebhook, SIGNATURE_HEADER } from '@/lib/workflows/triggers/receive-webhook';

export const POST = withApi({ auth: 'signedWebhook' }, async ({ req, params }) => {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limits.payloadBytes) throw new AppError('payload_too_large', `Webhook bodies are limited to ${limits.payloadBytes / 1024} KiB`);
  const run = await receiveWebhook(await getDb(), {
    token: String(params.token),
    rawBody: await req.text(),
    contentType: req.headers.get('content-type'),
    signature: req.headers.get(SIGNATURE_HEADER),
    deliveryId: req.headers.get('idempotency-key') ?? req.headers.get('x-delivery-id'),
  });
  return Response.json({ runId: run.id, status: run.status, duplicate: !run.created }, { status: 202 });
});
