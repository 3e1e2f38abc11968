import 'server-only';
// Spends credits (AI calls, runs beyond the month's allowance). The balance never goes below zero, also under
// concurrent spending: each spend locks the balance row. A repeated idempotency key spends nothing more.
import type { Db } from '@/db/client';
import type { UsageMetric } from '@/db/types-billing';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { freeGrantKey, limitReached } from './assert-within-limit';
import { getEntitlements } from './get-entitlements';
import type { LedgerResult } from './grant-credits';
import { appendEntry, hasEntry, lockBalance } from './ledger';
import { planLimits } from './plan-limits';
import { incrementUsage } from './record-usage';

export type SpendOptions = {
  now?: Date;
  /** Usage counter to add the spend to (default ai_credits; none for run overage). */ metric?: UsageMetric | null;
};

export async function spendCredits(
  db: Db,
  workspaceId: string,
  amount: number,
  reason: string,
  idempotencyKey: string,
  options: SpendOptions = {},
): Promise<LedgerResult> {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error('A credit spend must be a positive integer');
  const now = options.now ?? new Date();
  const metric = options.metric === undefined ? (reason === 'run_overage' ? null : 'ai_credits') : options.metric;
  return inTransaction(db, async (trx) => {
    let balance = await lockBalance(trx, workspaceId);
    if (await hasEntry(trx, workspaceId, idempotencyKey)) return { applied: false, balance };
    const entitlements = await getEntitlements(trx, workspaceId, now);
    if (entitlements.effectivePlan === 'free' && !(await hasEntry(trx, workspaceId, freeGrantKey(now)))) {
      balance = await appendEntry(trx, workspaceId, balance, {
        kind: 'grant',
        delta: planLimits.free.ai_credits,
        reason: 'plan_free_monthly',
        idempotencyKey: freeGrantKey(now),
      });
    }
    if (balance < amount) throw limitReached(entitlements, 'ai_credits', amount, balance);
    const after = await appendEntry(trx, workspaceId, balance, {
      kind: 'spend',
      delta: -amount,
      reason,
      idempotencyKey,
    });
    if (metric) await incrementUsage(trx, workspaceId, metric, amount, now);
    return { applied: true, balance: after };
  });
}
