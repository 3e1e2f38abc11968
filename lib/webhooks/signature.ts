// The one signing scheme of Levqor webhooks, inbound and outbound: `X-Levqor-Timestamp: <unix seconds>` and
// `X-Levqor-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. Receivers verify with
// `verifyWebhookSignature`; the inbound trigger also still accepts the older body-only form (no timestamp header).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-levqor-signature';
export const TIMESTAMP_HEADER = 'x-levqor-timestamp';
export const EVENT_HEADER = 'x-levqor-event';
export const DELIVERY_HEADER = 'x-levqor-delivery';

/** A signed timestamp more than this far from the receiver's clock is refused (replays of old deliveries). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

type Body = string | Uint8Array;

const hmac = (secret: string, parts: Body[]) => {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return `sha256=${mac.digest('hex')}`;
};

/** `sha256=<hex>` of `"<timestamp>.<body>"`, or of the body alone when `timestamp` is null (the legacy inbound form). */
export function signWebhookPayload(secret: string, timestamp: number | string | null, body: Body): string {
  return timestamp === null ? hmac(secret, [body]) : hmac(secret, [`${timestamp}.`, body]);
}

/** The headers of a signed delivery sent at `now`. */
export function signedHeaders(secret: string, body: Body, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signWebhookPayload(secret, timestamp, body) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export type SignatureInput = {
  /** Every secret that is currently accepted (the current one, and a previous one during a rotation). */
  secrets: readonly string[];
  body: Body;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  /** Accept `sha256=<HMAC of the body>` when no timestamp was sent (inbound triggers only). */
  allowBodyOnly?: boolean;
  now?: Date;
  toleranceSeconds?: number;
};

const equal = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function verifyWebhookSignature(input: SignatureInput): SignatureCheck {
  const signature = input.signature?.trim();
  if (!signature) return { ok: false, reason: 'missing' };
  const timestamp = input.timestamp?.trim();
  if (!timestamp) {
    if (!input.allowBodyOnly) return { ok: false, reason: 'missing' };
    const matches = input.secrets.some((secret) => equal(signWebhookPayload(secret, null, input.body), signature));
    return matches ? { ok: true } : { ok: false, reason: 'mismatch' };
  }
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  const nowSeconds = (input.now ?? new Date()).getTime() / 1000;
  if (
    !Number.isFinite(seconds) ||
    Math.abs(nowSeconds - seconds) > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)
  )
    return { ok: false, reason: 'stale' };
  const matches = input.secrets.some((secret) => equal(signWebhookPayload(secret, timestamp, input.body), signature));
  return matches ? { ok: true } : { ok: false, reason: 'mismatch' };
}
