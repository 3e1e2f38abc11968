import 'server-only';
// Dunning: once a past-due workspace's grace period ends (its limits fall back to the free plan's at that moment,
// see entitlements.ts), tell its owners once. Also forgets webhook event ids older than Stripe's retry window.
import type { Db } from '@/db/client';
import { billingEmails, sendBillingEmails } from './billing-emails';
import { addDays } from './period';

/** Stripe retries a delivery for up to three days; ids are kept far longer than that. */
const EVENT_ID_RETENTION_DAYS = 90;

export async function notifyGraceExpired(db: Db, now: Date): Promise<{ notified: number }> {
  const rows = await db
    .updateTable('billing_accounts')
    .set({ dunning_notified_at: now })
    .where('status', '=', 'past_due')
    .where('grace_until', '<=', now)
    .where('dunning_notified_at', 'is', null)
    .returning('workspace_id')
    .execute();
  await sendBillingEmails(
    db,
    rows.map((row) => billingEmails.featuresLimited(row.workspace_id)),
  );
  return { notified: rows.length };
}

export async function pruneStripeEvents(db: Db, now: Date): Promise<{ deleted: number }> {
  const result = await db
    .deleteFrom('stripe_events')
    .where('received_at', '<', addDays(now, -EVENT_ID_RETENTION_DAYS))
    .executeTakeFirst();
  return { deleted: Number(result.numDeletedRows) };
}
