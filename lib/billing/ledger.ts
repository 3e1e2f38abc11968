import 'server-only';
// The credits ledger's building blocks: every change locks the workspace's balance row first, so ledger entries and
// the balance move together and concurrent spends are serialised.
import type { Transaction } from 'kysely';
import type { Database } from '@/db/types';
import type { CreditEntryKind } from '@/db/types-billing';

export type LedgerEntry = {
  kind: CreditEntryKind;
  delta: number;
  reason: string;
  idempotencyKey: string;
  stripeRef?: string | null;
  paymentRef?: string | null;
};

/** Locks the balance row (creating it at 0) and returns the balance. */
export async function lockBalance(trx: Transaction<Database>, workspaceId: string): Promise<number> {
  await trx
    .insertInto('credit_balances')
    .values({ workspace_id: workspaceId, balance: 0 })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const row = await trx
    .selectFrom('credit_balances')
    .select('balance')
    .where('workspace_id', '=', workspaceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.balance;
}

export async function hasEntry(
  trx: Transaction<Database>,
  workspaceId: string,
  idempotencyKey: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('credit_ledger')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return Boolean(row);
}

/** Appends an entry and moves the balance by its delta; call with the balance locked. Returns the new balance. */
export async function appendEntry(
  trx: Transaction<Database>,
  workspaceId: string,
  balance: number,
  entry: LedgerEntry,
): Promise<number> {
  const balanceAfter = balance + entry.delta;
  if (balanceAfter < 0) throw new Error('A credit balance can never go below zero');
  await trx
    .updateTable('credit_balances')
    .set({ balance: balanceAfter, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .execute();
  await trx
    .insertInto('credit_ledger')
    .values({
      workspace_id: workspaceId,
      kind: entry.kind,
      delta: entry.delta,
      balance_after: balanceAfter,
      reason: entry.reason,
      idempotency_key: entry.idempotencyKey,
      stripe_ref: entry.stripeRef ?? null,
      payment_ref: entry.paymentRef ?? null,
    })
    .execute();
  return balanceAfter;
}
