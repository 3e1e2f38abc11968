import 'server-only';
// Inbound webhook trigger: the secret URL token finds the workflow; an optional HMAC-SHA256 signature of the raw body is checked.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';
import { limits } from '../definition';
import { loadDefinition } from '../engine/load-run';
import { createRun } from '../runs/create-run';
import { selectWorkflowHead } from '../runs/workflow-head';

export const SIGNATURE_HEADER = 'x-levqor-signature';

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function signatureMatches(secret: string, body: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type WebhookDelivery = { token: string; rawBody: string; contentType: string | null; signature: string | null; deliveryId: string | null };

export async function receiveWebhook(db: Db, delivery: WebhookDelivery) {
  const now = new Date();
  const { rows } = await db.executeQuery(prepared('webhook_head', selectWorkflowHead(db, now).select(['workflows.webhook_secret', 'workflows.trigger_type']).where('workflows.webhook_token', '=', delivery.token)));
  const workflow = rows[0];
  if (!workflow || workflow.trigger_type !== 'webhook') throw new AppError('not_found', 'No workflow listens at this URL');
  if (Buffer.byteLength(delivery.rawBody) > limits.payloadBytes) throw new AppError('payload_too_large', `Webhook bodies are limited to ${limits.payloadBytes / 1024} KiB`);
  const definition = await loadDefinition(db, workflow.id, workflow.current_version);
  if (definition.trigger.type === 'webhook' && definition.trigger.requireSignature) {
    const secret = decryptSecret(workflow.webhook_secret, workflow.workspace_id);
    if (!signatureMatches(secret, delivery.rawBody, delivery.signature)) throw new AppError('unauthorized', `Missing or wrong ${SIGNATURE_HEADER} (expected sha256=<hex HMAC-SHA256 of the raw body>)`);
  }
  const body = parseBody(delivery.rawBody, delivery.contentType);
  return createRun(db, {
    workspaceId: workflow.workspace_id,
    workflowId: workflow.id,
    trigger: 'webhook',
    payload: { body, receivedAt: new Date().toISOString() },
    ...(delivery.deliveryId ? { triggerKey: `webhook:${delivery.deliveryId.slice(0, 200)}` } : {}),
  }, { head: workflow, now });
}

function parseBody(raw: string, contentType: string | null): unknown {
  if (!raw) return null;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (contentType?.includes('json')) throw new AppError('bad_request', 'The body is not valid JSON');
    return raw;
  }
}
