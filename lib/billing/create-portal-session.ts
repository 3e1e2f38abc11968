import 'server-only';
// A Stripe Customer Portal link for the workspace (owners and admins): change plan, payment method, invoices, cancel.
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { defaultLocale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/urls';
import { callStripe, requireStripe } from './stripe-client';

export async function createPortalSession(
  db: Db,
  scope: Scope,
  options: { appUrl: string; locale?: string; stripe?: Stripe },
): Promise<{ url: string }> {
  requireRole(scope, 'admin');
  const stripe = options.stripe ?? requireStripe();
  const customer = await db
    .selectFrom('billing_customers')
    .select('stripe_customer_id')
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!customer)
    throw new AppError(
      'not_found',
      'This workspace has no billing account yet; choose a plan on the pricing page first',
    );
  const returnUrl = `${options.appUrl.replace(/\/+$/, '')}${localizedPath(options.locale ?? defaultLocale, '/billing')}`;
  const session = await callStripe('open the billing portal', () =>
    stripe.billingPortal.sessions.create({ customer: customer.stripe_customer_id, return_url: returnUrl }),
  );
  return { url: session.url };
}
