// `webhook`: POSTs JSON to any URL behind the egress guard, signed `x-levqor-signature: sha256=<hex>` when a secret is named.
import { z } from 'zod';
import { signWebhookPayload } from '@/lib/webhooks/signature';
import { credentialNameSchema } from '../credentials/schemas';
import {
  callService,
  credentialField,
  headersSchema,
  parseBody,
  parseHttpUrl,
  readText,
  statusError,
  textField,
  timeoutMsSchema,
} from './outbound';
import { defineStep } from './types';

export const webhookConfigSchema = z.strictObject({
  url: textField(2_048),
  method: z
    .preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.enum(['POST', 'PUT', 'PATCH']))
    .default('POST'),
  headers: headersSchema.default({}),
  /** Sent as JSON; by default `{ workflowId, runId, stepId }`. */
  body: z.unknown().optional(),
  /** Name of a `webhook` connector credential whose secret signs the body (HMAC-SHA256). */
  signingCredential: credentialNameSchema.optional(),
  timeoutMs: timeoutMsSchema.default(30_000),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/** `sha256=<hex>` HMAC of the exact body bytes (the body-only form of the Levqor signature). */
export function signBody(secret: string, body: string): string {
  return signWebhookPayload(secret, null, body);
}

export const webhookStep = defineStep({
  type: 'webhook',
  configSchema: webhookConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  urls: (config) => [config.url],
  async execute(config, ctx) {
    const body = JSON.stringify(
      config.body === undefined ? { workflowId: ctx.workflowId, runId: ctx.runId, stepId: ctx.stepId } : config.body,
    );
    const headers = new Headers(config.headers);
    headers.set('content-type', 'application/json');
    if (config.signingCredential)
      headers.set(
        'x-levqor-signature',
        signBody(await credentialField(ctx, config.signingCredential, 'webhook', 'secret'), body),
      );
    const { host } = parseHttpUrl(config.url);
    const response = await callService(ctx, host, config.url, {
      method: config.method,
      headers,
      body,
      timeoutMs: config.timeoutMs,
    });
    const text = await readText(response);
    if (!response.ok) throw statusError(host, response, text, ctx.services.now());
    return {
      kind: 'output',
      output: { status: response.status, body: parseBody(text, response.headers.get('content-type')) },
    };
  },
});
