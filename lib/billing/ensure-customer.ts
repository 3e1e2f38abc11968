import 'server-only';
// The workspace's Stripe customer: created once (an idempotency key makes concurrent first checkouts share it).
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';

export async function ensureCustomer(db: Db, stripe: Stripe, scope: Scope): Promise<string> {
  const known = await db
    .selectFrom('billing_customers')
    .select('stripe_customer_id')
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (known) return known.stripe_customer_id;
  const workspace = await db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', scope.workspaceId)
    .executeTakeFirstOrThrow();
  const user = scope.userId
    ? await db.selectFrom('users').select('email').where('id', '=', scope.userId).executeTakeFirst()
    : undefined;
  const customer = await stripe.customers.create(
    { name: workspace.name, email: user?.email, metadata: { workspace_id: scope.workspaceId } },
    { idempotencyKey: `levqor-customer-${scope.workspaceId}` },
  );
  await db
    .insertInto('billing_customers')
    .values({ workspace_id: scope.workspaceId, stripe_customer_id: customer.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const stored = await db
    .selectFrom('billing_customers')
    .select('stripe_customer_id')
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirstOrThrow();
  return stored.stripe_customer_id;
}
