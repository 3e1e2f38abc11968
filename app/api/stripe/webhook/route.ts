// POST /api/stripe/webhook — Stripe events: signature verified on the raw body (withApi leaves the body unread for
// signedWebhook routes), recorded once by event id together with its effect, then acknowledged.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getStripe } from '@/lib/billing/stripe-client';
import { processStripeEvent } from '@/lib/billing/webhook/process-stripe-event';
import { verifyStripeEvent } from '@/lib/billing/webhook/verify-stripe-event';

export const POST = withApi({ auth: 'signedWebhook' }, async ({ req }) => {
  const event = await verifyStripeEvent(req);
  const result = await processStripeEvent(await getDb(), event, { stripe: getStripe() });
  return Response.json({ received: true, duplicate: result.duplicate });
});
