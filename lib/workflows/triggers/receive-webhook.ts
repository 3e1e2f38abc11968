import 'server-only';
// Inbound webhook trigger: the secret URL token finds the workflow; an optional signature (lib/webhooks/signature.ts:
// timestamped, or the older HMAC of the raw body alone) is checked.
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { consumeRateLimit, type RateLimitResult, webhookRateLimitPolicy } from '@/lib/api/rate-limit';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';
import {
  SIGNATURE_HEADER,
  signWebhookPayload,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from '@/lib/webhooks/signature';
import { limits } from '../definition';
import { loadDefinition } from '../engine/load-run';
import { createRun } from '../runs/create-run';
import { selectWorkflowHead } from '../runs/workflow-head';
import { webhookPayload } from './webhook-payload';

export { SIGNATURE_HEADER, TIMESTAMP_HEADER };

/** The body-only signature senders used before timestamps (still accepted when no X-Levqor-Timestamp is sent). */
export function signWebhookBody(secret: string, body: string | Uint8Array): string {
  return signWebhookPayload(secret, null, body);
}

/** The body as it arrived: bytes (the route's), or a string (taken as its UTF-8 bytes). */
export type WebhookDelivery = {
  token: string;
  rawBody: Uint8Array | string;
  contentType: string | null;
  signature: string | null;
  /** X-Levqor-Timestamp: when sent, the signature covers `"<timestamp>.<body>"` and must be within 5 minutes. */
  timestamp?: string | null;
  deliveryId: string | null;
};

/** `onRateLimit` hears the delivery's count against its workflow's limit (for RateLimit-* headers), also when refused. */
export async function receiveWebhook(
  db: Db,
  delivery: WebhookDelivery,
  options: { onRateLimit?: (limit: RateLimitResult) => void; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const rawBody = typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody) : delivery.rawBody;
  const { rows } = await db.executeQuery(
    prepared(
      'webhook_head',
      selectWorkflowHead(db, now)
        .select([
          'workflows.webhook_secret',
          'workflows.webhook_secret_previous',
          'workflows.webhook_secret_previous_expires_at',
          'workflows.trigger_type',
          'workflows.webhook_rate_limit',
        ])
        .where('workflows.webhook_token', '=', delivery.token),
    ),
  );
  const workflow = rows[0];
  if (!workflow || workflow.trigger_type !== 'webhook')
    throw new AppError('not_found', 'No workflow listens at this URL');
  // NOTE: counted before anything else is read, so a flood at a leaked URL costs one lookup and one upsert a delivery.
  const limit = await consumeRateLimit(
    db,
    `webhook:${workflow.id}`,
    webhookRateLimitPolicy(workflow.webhook_rate_limit),
    now,
  );
  options.onRateLimit?.(limit);
  if (!limit.allowed)
    throw new AppError(
      'rate_limited',
      `This webhook accepts ${limit.limit} deliveries a minute; try again in ${limit.retryAfterSeconds} s`,
      { limit: limit.limit, retryAfterSeconds: limit.retryAfterSeconds },
    );
  if (rawBody.byteLength > limits.payloadBytes)
    throw new AppError('payload_too_large', `Webhook bodies are limited to ${limits.payloadBytes / 1024} KiB`);
  const definition = await loadDefinition(db, workflow.id, workflow.current_version);
  if (definition.trigger.type === 'webhook' && definition.trigger.requireSignature) {
    // NOTE: after a rotation the previous secret is accepted until its grace period ends, so senders can switch over.
    const accepted = [workflow.webhook_secret];
    if (workflow.webhook_secret_previous && (workflow.webhook_secret_previous_expires_at ?? now) > now)
      accepted.push(workflow.webhook_secret_previous);
    const check = verifyWebhookSignature({
      secrets: accepted.map((ciphertext) => decryptSecret(ciphertext, workflow.workspace_id)),
      body: rawBody,
      signature: delivery.signature,
      timestamp: delivery.timestamp,
      allowBodyOnly: true,
      now,
    });
    if (!check.ok)
      throw new AppError(
        'unauthorized',
        check.reason === 'stale'
          ? `${TIMESTAMP_HEADER} is more than 5 minutes from now; sign each delivery when you send it`
          : `Missing or wrong ${SIGNATURE_HEADER} (expected sha256=<hex HMAC-SHA256 of "<${TIMESTAMP_HEADER}>.<raw body>">)`,
      );
  }
  return createRun(
    db,
    {
      workspaceId: workflow.workspace_id,
      workflowId: workflow.id,
      trigger: 'webhook',
      payload: webhookPayload(rawBody, delivery.contentType, now),
      ...(delivery.deliveryId ? { triggerKey: `webhook:${delivery.deliveryId.slice(0, 200)}` } : {}),
    },
    { head: workflow, now },
  );
}
