import 'server-only';
// Takes back credits granted by a payment that was refunded or disputed, in proportion to the amount returned, and
// never more than the balance holds (credits already spent are not clawed into a negative balance).
import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/types';
import { appendEntry, hasEntry, lockBalance } from './ledger';

export type ClawbackInput = {
  /** Ledger grants to reverse: those whose payment_ref or stripe_ref is one of these. */
  refs: string[];
  /** Share of the granted credits to reverse in total (1 = all). */
  share: number;
  /** Earlier clawbacks for the same charge carry this stripe_ref; only the difference is taken. */
  chargeId: string;
  idempotencyKey: string;
  reason: string;
};

/** Returns the workspaces and credits taken back. */
export async function clawBackCredits(
  trx: Transaction<Database>,
  input: ClawbackInput,
): Promise<{ workspaceId: string; taken: number }[]> {
  if (input.refs.length === 0) return [];
  const grants = await trx
    .selectFrom('credit_ledger')
    .select(['workspace_id', sql<number>`sum(delta)::int`.as('granted')])
    .where('kind', '=', 'grant')
    .where((eb) => eb.or([eb('payment_ref', 'in', input.refs), eb('stripe_ref', 'in', input.refs)]))
    .groupBy('workspace_id')
    .execute();
  const results: { workspaceId: string; taken: number }[] = [];
  for (const { workspace_id: workspaceId, granted } of grants) {
    const balance = await lockBalance(trx, workspaceId);
    if (await hasEntry(trx, workspaceId, input.idempotencyKey)) continue;
    const earlier = await trx
      .selectFrom('credit_ledger')
      .select(sql<number>`coalesce(-sum(delta), 0)::int`.as('taken'))
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'clawback')
      .where('stripe_ref', '=', input.chargeId)
      .executeTakeFirstOrThrow();
    const owed = Math.floor(Number(granted) * Math.min(1, Math.max(0, input.share))) - Number(earlier.taken);
    const taken = Math.min(owed, balance);
    if (taken <= 0) continue;
    await appendEntry(trx, workspaceId, balance, {
      kind: 'clawback',
      delta: -taken,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      stripeRef: input.chargeId,
    });
    results.push({ workspaceId, taken });
  }
  return results;
}
