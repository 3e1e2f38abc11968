// POST /api/billing/checkout — start Stripe Checkout for a catalogue price (owners and admins); send an
// Idempotency-Key header to make retries return the same session.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { checkoutSchema, createCheckoutSession } from '@/lib/billing/create-checkout-session';
import { visitorCountry } from '@/lib/billing/visitor-country';
import { getEnv } from '@/lib/env';

export const POST = withApi({ auth: 'sessionOrApiKey', body: checkoutSchema }, async ({ req, scope, body }) => {
  const session = await createCheckoutSession(await getDb(), scope, body, {
    appUrl: getEnv().APP_URL,
    country: visitorCountry(req.headers),
    idempotencyKey: req.headers.get('idempotency-key'),
  });
  return Response.json(session, { status: 201 });
});
