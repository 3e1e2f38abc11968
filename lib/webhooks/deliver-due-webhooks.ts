import 'server-only';
// The delivery job: claims due deliveries in batches (FOR UPDATE SKIP LOCKED, then a lease on next_attempt_at, so
// many instances share the work without sending one twice) and tries each; settled or rescheduled by attemptDelivery.
import type { Db } from '@/db/client';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { type AttemptOptions, attemptDelivery, DELIVERY_TIMEOUT_MS, type DueDelivery } from './attempt-delivery';

const BATCH_SIZE = 50;
const MAX_BATCHES = 10;
const CONCURRENCY = 8;
/** A claimed delivery is due again after this if its sender died mid-try. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 6;

export async function claimDueDeliveries(db: Db, now: Date, limit = BATCH_SIZE): Promise<DueDelivery[]> {
  return inTransaction(db, async (trx) => {
    const due = await trx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .execute();
    return trx
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.workspace_id',
        'webhook_deliveries.event_type',
        'webhook_deliveries.payload',
        'webhook_deliveries.attempts',
        'webhook_subscriptions.url',
        'webhook_subscriptions.secret',
        'webhook_subscriptions.enabled',
      ])
      .where(
        'webhook_deliveries.id',
        'in',
        due.map((row) => row.id),
      )
      .execute();
  });
}

export type DeliveryTotals = { sent: number; succeeded: number; retrying: number; failed: number };

export async function deliverDueWebhooks(
  db: Db,
  now: Date = new Date(),
  options: AttemptOptions = {},
): Promise<DeliveryTotals> {
  const totals: DeliveryTotals = { sent: 0, succeeded: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claimed = await claimDueDeliveries(db, now);
    if (claimed.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++]!;
        const status = await attemptDelivery(db, delivery, { ...options, now });
        totals.sent++;
        if (status === 'succeeded') totals.succeeded++;
        else if (status === 'failed') totals.failed++;
        else totals.retrying++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    if (claimed.length < BATCH_SIZE) break;
  }
  return totals;
}
