import 'server-only';
// For the welcome page: asks Stripe about a checkout session and confirms it belongs to a workspace of the signed-in
// user before anything about it is shown.
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { type CataloguePrice, findPrice } from './catalogue';
import { type Entitlements } from './entitlements';
import { getEntitlements } from './get-entitlements';
import { getStripe } from './stripe-client';

export type VerifiedCheckout =
  | { state: 'not_configured' | 'not_found' }
  | {
      state: 'complete' | 'processing' | 'open' | 'expired';
      price: CataloguePrice | null;
      amountTotal: number | null;
      currency: string | null;
      workspaceId: string;
      activated: boolean;
      entitlements: Entitlements;
    };

const SESSION_ID = /^cs_[A-Za-z0-9_]{8,200}$/;

export async function verifyCheckoutSession(
  db: Db,
  userId: string,
  sessionId: string | null | undefined,
  stripe: Stripe | null = getStripe(),
): Promise<VerifiedCheckout> {
  if (!stripe) return { state: 'not_configured' };
  if (!sessionId || !SESSION_ID.test(sessionId)) return { state: 'not_found' };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(sessionId);
  } catch {
    return { state: 'not_found' };
  }
  const workspaceId = session.client_reference_id ?? session.metadata?.workspace_id ?? null;
  const member = workspaceId
    ? await db
        .selectFrom('memberships')
        .select('workspace_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
    : undefined;
  if (!workspaceId || !member) return { state: 'not_found' };
  const price = findPrice(session.metadata?.lookup_key);
  const entitlements = await getEntitlements(db, workspaceId);
  const state =
    session.status === 'complete'
      ? session.payment_status === 'unpaid'
        ? 'processing'
        : 'complete'
      : session.status === 'expired'
        ? 'expired'
        : 'open';
  let activated = false;
  if (price?.plan)
    activated =
      entitlements.plan === price.plan && (entitlements.status === 'active' || entitlements.status === 'trialing');
  else if (state === 'complete') {
    const purchase = await db
      .selectFrom('billing_purchases')
      .select('status')
      .where('checkout_session_id', '=', session.id)
      .executeTakeFirst();
    activated = purchase?.status === 'paid';
  }
  return {
    state,
    price,
    amountTotal: session.amount_total ?? null,
    currency: session.currency ?? null,
    workspaceId,
    activated,
    entitlements,
  };
}
