// POST /api/hooks/:token — a workflow's inbound webhook: rate limited per workflow, optional HMAC check on the raw body, 202 with the run id.
import { getDb } from '@/db';
import { rateLimitHeaders } from '@/lib/api/rate-limit';
import { withApi } from '@/lib/api/with-api';
import { AppError, type ErrorBody } from '@/lib/errors';
import { limits } from '@/lib/workflows/definition';
import { receiveWebhook, SIGNATURE_HEADER } from '@/lib/workflows/triggers/receive-webhook';

export const POST = withApi({ auth: 'signedWebhook' }, async ({ req, params }) => {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limits.payloadBytes) throw new AppError('payload_too_large', `Webhook bodies are limited to ${limits.payloadBytes / 1024} KiB`);
  const headers: Record<string, string> = {};
  const delivery = {
    token: String(params.token),
    rawBody: new Uint8Array(await req.arrayBuffer()),
    contentType: req.headers.get('content-type'),
    signature: req.headers.get(SIGNATURE_HEADER),
    deliveryId: req.headers.get('idempotency-key') ?? req.headers.get('x-delivery-id'),
  };
  try {
    const run = await receiveWebhook(await getDb(), delivery, { onRateLimit: (limit) => Object.assign(headers, rateLimitHeaders(limit)) });
    return Response.json({ runId: run.id, status: run.status, duplicate: !run.created }, { status: 202, headers });
  } catch (error) {
    // NOTE: withApi maps errors without our headers; a refused delivery must carry Retry-After and RateLimit-*.
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    return Response.json(body, { status: error.status, headers });
  }
});
