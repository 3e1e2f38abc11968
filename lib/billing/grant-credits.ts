import 'server-only';
// Adds credits (plan allowances, credit packs) to a workspace's ledger; the idempotency key makes a repeat a no-op.
import type { Db } from '@/db/client';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { appendEntry, hasEntry, lockBalance } from './ledger';

export type GrantInput = {
  amount: number;
  reason: string;
  idempotencyKey: string;
  stripeRef?: string | null;
  paymentRef?: string | null;
};
export type LedgerResult = { applied: boolean; balance: number };

export async function grantCredits(db: Db, workspaceId: string, input: GrantInput): Promise<LedgerResult> {
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    throw new Error('A credit grant must be a positive integer');
  return inTransaction(db, async (trx) => {
    const balance = await lockBalance(trx, workspaceId);
    if (await hasEntry(trx, workspaceId, input.idempotencyKey)) return { applied: false, balance };
    const after = await appendEntry(trx, workspaceId, balance, { kind: 'grant', delta: input.amount, ...input });
    return { applied: true, balance: after };
  });
}
