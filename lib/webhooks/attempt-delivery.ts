import 'server-only';
// One try of one delivery: signed POST through the egress guard with a 10 s timeout; a 2xx settles it, anything else
// schedules the next try (retry-schedule.ts) or, after the last, fails it. The try is appended to the delivery's log.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { logger } from '@/lib/logger';
import { guardedFetch, type GuardedFetchOptions } from '@/lib/workflows/egress/guarded-fetch';
import { StepError } from '@/lib/workflows/steps/types';
import type { WebhookAttempt, WebhookDeliveryStatus } from '@/db/types-webhooks';
import { checkWebhookUrl } from './check-webhook-url';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './retry-schedule';
import { DELIVERY_HEADER, EVENT_HEADER, signedHeaders } from './signature';

export const DELIVERY_TIMEOUT_MS = 10_000;

/** A delivery as the sender needs it, with its subscription's URL and encrypted secret. */
export type DueDelivery = {
  id: string;
  workspace_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
  enabled: boolean;
};

export type AttemptOptions = { now?: Date; fetch?: GuardedFetchOptions; random?: () => number; timeoutMs?: number };

type Outcome = { statusCode: number | null; error: string | null; retryable: boolean };

async function send(delivery: DueDelivery, body: string, options: AttemptOptions): Promise<Outcome> {
  if (!delivery.enabled) return { statusCode: null, error: 'The webhook is disabled', retryable: false };
  const target = checkWebhookUrl(delivery.url);
  if (!target.ok) return { statusCode: null, error: `Refused: ${target.reason}`, retryable: false };
  try {
    const secret = decryptSecret(delivery.secret, delivery.workspace_id);
    const response = await guardedFetch(
      delivery.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Levqor-Webhooks/1.0',
          [EVENT_HEADER]: delivery.event_type,
          [DELIVERY_HEADER]: delivery.id,
          ...signedHeaders(secret, body),
        },
        body,
        timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
      },
      options.fetch,
    );
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { statusCode: response.status, error: null, retryable: false };
    return { statusCode: response.status, error: `The receiver answered ${response.status}`, retryable: true };
  } catch (error) {
    if (error instanceof StepError) return { statusCode: null, error: error.message, retryable: error.retryable };
    logger.warn({ err: error, delivery_id: delivery.id }, 'webhook delivery failed unexpectedly');
    return { statusCode: null, error: 'The delivery could not be sent', retryable: true };
  }
}

export async function attemptDelivery(
  db: Db,
  delivery: DueDelivery,
  options: AttemptOptions = {},
): Promise<WebhookDeliveryStatus> {
  const now = options.now ?? new Date();
  const body = typeof delivery.payload === 'string' ? delivery.payload : JSON.stringify(delivery.payload);
  const started = performance.now();
  const outcome = await send(delivery, body, options);
  const attempt: WebhookAttempt = {
    at: now.toISOString(),
    statusCode: outcome.statusCode,
    durationMs: Math.round(performance.now() - started),
    error: outcome.error,
  };
  const attempts = delivery.attempts + 1;
  // NOTE: a ping ("Send test event") is tried once; its answer is what the person clicking wants to see.
  const delay =
    outcome.error && outcome.retryable && delivery.event_type !== 'ping' && attempts < MAX_DELIVERY_ATTEMPTS
      ? retryDelayMs(attempts, options.random)
      : null;
  const status: WebhookDeliveryStatus = outcome.error === null ? 'succeeded' : delay === null ? 'failed' : 'pending';
  await db
    .updateTable('webhook_deliveries')
    .set({
      status,
      attempts,
      attempt_log: sql`attempt_log || ${JSON.stringify([attempt])}::jsonb`,
      next_attempt_at: delay === null ? null : new Date(now.getTime() + delay),
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      delivered_at: status === 'succeeded' ? now : null,
    })
    .where('id', '=', delivery.id)
    .where('attempts', '=', delivery.attempts)
    .execute();
  return status;
}
