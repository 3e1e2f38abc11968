// POST /api/hooks/:token — a workflow's inbound webhook: rate limited per workflow, optional signature check (timestamped or body-only), 202 with the run id.
import { getDb } from '@/db';
import { rateLimitHeaders } from '@/lib/api/rate-limit';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { limits } from '@/lib/workflows/definition';
import { receiveWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/workflows/triggers/receive-webhook';

export const POST = withApi({ auth: 'signedWebhook' }, async ({ req, params, responseHeaders }) => {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limits.payloadBytes)
    throw new AppError('payload_too_large', `Webhook bodies are limited to ${limits.payloadBytes / 1024} KiB`);
  const delivery = {
    token: String(params.token),
    rawBody: new Uint8Array(await req.arrayBuffer()),
    contentType: req.headers.get('content-type'),
    signature: req.headers.get(SIGNATURE_HEADER),
    timestamp: req.headers.get(TIMESTAMP_HEADER),
    deliveryId: req.headers.get('idempotency-key') ?? req.headers.get('x-delivery-id'),
  };
  // RateLimit-* on every counted delivery, and Retry-After beside a refusal's 429.
  const run = await receiveWebhook(await getDb(), delivery, {
    onRateLimit: (limit) => Object.assign(responseHeaders, rateLimitHeaders(limit)),
  });
  return Response.json({ runId: run.id, status: run.status, duplicate: !run.created }, { status: 202 });
});
