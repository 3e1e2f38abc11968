import 'server-only';
// Verifies a webhook request's Stripe-Signature on the raw body (bad, stale, future-dated or forged → 400) and parses the event.
import Stripe from 'stripe';
import { type Env, getEnv } from '@/lib/env';
import { inspectJson, replaceUnstorableText } from '@/lib/api/inspect-json';
import { AppError } from '@/lib/errors';
import { type StripeEventInput, stripeEventSchema } from './stripe-objects';

const MAX_BODY_BYTES = 512 * 1024;
/** Seconds a signature stays valid (Stripe's default): older deliveries are refused as replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export async function verifyStripeEvent(
  req: Request,
  env: Pick<Env, 'STRIPE_WEBHOOK_SECRET'> = getEnv(),
): Promise<StripeEventInput> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret)
    throw new AppError(
      'not_configured',
      'Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set)',
    );
  const signature = req.headers.get('stripe-signature');
  if (!signature) throw new AppError('bad_request', 'The Stripe-Signature header is missing');
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    throw new AppError('payload_too_large', 'The webhook body is too large');
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'The webhook body is too large');
  let event: unknown;
  try {
    event = await Stripe.webhooks.constructEventAsync(raw, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    throw new AppError('bad_request', 'The Stripe signature does not match this body, or is too old');
  }
  // NOTE: the SDK refuses only signatures older than the tolerance; one dated ahead of our clock is refused here too.
  if (signedAt(signature) - Math.floor(Date.now() / 1_000) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new AppError('bad_request', 'The Stripe signature is dated in the future');
  }
  // NOTE: a signed event is Stripe's record of what happened: keep it, with characters Postgres refuses replaced.
  if (inspectJson(event)?.kind === 'depth')
    throw new AppError('bad_request', 'The webhook body is nested too deeply to be a Stripe event');
  const parsed = stripeEventSchema.safeParse(replaceUnstorableText(event));
  if (!parsed.success) throw new AppError('bad_request', 'The webhook body is not a Stripe event');
  return parsed.data;
}

/** The signed `t=` timestamp, read as the SDK reads it (the last `t` wins). */
function signedAt(header: string): number {
  let timestamp = -1;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') timestamp = Number.parseInt(value ?? '', 10);
  }
  return timestamp;
}
