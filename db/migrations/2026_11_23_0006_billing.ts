// Billing: Stripe customers, subscriptions and invoices as last seen, processed webhook events, the derived billing
// account of each workspace, one-off purchases, the append-only credits ledger and monthly usage counters.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('billing_customers')
    .addColumn('workspace_id', 'uuid', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('stripe_customer_id', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('billing_accounts')
    .addColumn('workspace_id', 'uuid', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan', 'text', (col) =>
      col
        .notNull()
        .defaultTo('free')
        .check(sql`plan in ('free', 'starter', 'growth', 'pro', 'business')`),
    )
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('free')
        .check(sql`status in ('free', 'active', 'trialing', 'past_due', 'canceled', 'incomplete', 'paused')`),
    )
    .addColumn('interval', 'text', (col) => col.check(sql`interval in ('month', 'year')`))
    .addColumn('subscription_id', 'text')
    .addColumn('current_period_end', 'timestamptz')
    .addColumn('cancel_at_period_end', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('trial_end', 'timestamptz')
    .addColumn('grace_until', 'timestamptz')
    .addColumn('limit_overrides', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('dunning_notified_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('billing_accounts_grace_idx')
    .on('billing_accounts')
    .column('grace_until')
    .where(sql.ref('status'), '=', 'past_due')
    .execute();

  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('stripe_created', 'timestamptz', (col) => col.notNull())
    .addColumn('livemode', 'boolean', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('workspace_id', 'uuid')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('stripe_events_received_idx').on('stripe_events').column('received_at').execute();

  // NOTE: subscriptions and invoices keep the snapshot of the newest event (ordered by rank, created, id), so the
  // state never depends on the order in which Stripe delivered the events.
  await db.schema
    .createTable('stripe_subscriptions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'uuid', (col) => col.references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('plan', 'text')
    .addColumn('lookup_key', 'text')
    .addColumn('interval', 'text')
    .addColumn('current_period_start', 'timestamptz')
    .addColumn('current_period_end', 'timestamptz')
    .addColumn('cancel_at_period_end', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('trial_end', 'timestamptz')
    .addColumn('order_rank', 'integer', (col) => col.notNull())
    .addColumn('order_created', 'bigint', (col) => col.notNull())
    .addColumn('order_event_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('stripe_subscriptions_workspace_idx')
    .on('stripe_subscriptions')
    .column('workspace_id')
    .execute();
  await db.schema
    .createIndex('stripe_subscriptions_customer_idx')
    .on('stripe_subscriptions')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('stripe_invoices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'uuid', (col) => col.references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('subscription_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('paid', 'failed', 'action_required')`))
    .addColumn('amount_due', 'integer', (col) => col.notNull())
    .addColumn('amount_paid', 'integer', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('invoice_created', 'timestamptz', (col) => col.notNull())
    .addColumn('hosted_invoice_url', 'text')
    .addColumn('order_rank', 'integer', (col) => col.notNull())
    .addColumn('order_created', 'bigint', (col) => col.notNull())
    .addColumn('order_event_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('stripe_invoices_workspace_idx')
    .on('stripe_invoices')
    .columns(['workspace_id', 'invoice_created'])
    .execute();
  await db.schema.createIndex('stripe_invoices_customer_idx').on('stripe_invoices').column('customer_id').execute();

  await db.schema
    .createTable('billing_purchases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('checkout_session_id', 'text', (col) => col.notNull().unique())
    .addColumn('lookup_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('dfy', 'addon')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'paid', 'failed', 'refunded', 'disputed')`),
    )
    .addColumn('amount_total', 'integer', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('payment_intent_id', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('billing_purchases_workspace_idx')
    .on('billing_purchases')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('billing_purchases_payment_intent_idx')
    .on('billing_purchases')
    .column('payment_intent_id')
    .execute();

  await db.schema
    .createTable('credit_balances')
    .addColumn('workspace_id', 'uuid', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('balance', 'integer', (col) => col.notNull().check(sql`balance >= 0`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('credit_ledger')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('grant', 'spend', 'clawback')`))
    .addColumn('delta', 'integer', (col) => col.notNull().check(sql`delta <> 0`))
    .addColumn('balance_after', 'integer', (col) => col.notNull().check(sql`balance_after >= 0`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('stripe_ref', 'text')
    .addColumn('payment_ref', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('credit_ledger_idempotency_key', ['workspace_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('credit_ledger_workspace_idx')
    .on('credit_ledger')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('credit_ledger_stripe_ref_idx')
    .on('credit_ledger')
    .column('stripe_ref')
    .where(sql.ref('stripe_ref'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('credit_ledger_payment_ref_idx')
    .on('credit_ledger')
    .column('payment_ref')
    .where(sql.ref('payment_ref'), 'is not', null)
    .execute();
  // NOTE: the ledger is append-only; rows disappear only with their workspace (purge cascades as a DELETE).
  await sql`create function credit_ledger_append_only() returns trigger language plpgsql as $$
    begin raise exception 'credit_ledger is append-only'; end $$`.execute(db);
  await sql`create trigger credit_ledger_no_update before update on credit_ledger for each row execute function credit_ledger_append_only()`.execute(
    db,
  );

  await db.schema
    .createTable('usage_counters')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('metric', 'text', (col) =>
      col.notNull().check(sql`metric in ('workflow_runs', 'api_calls', 'ai_credits')`),
    )
    .addColumn('period_start', 'date', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    // NOTE: a busy workspace's run count is spread over a few rows (summed when read), so concurrent runs do not all
    // wait on one row lock until their commits are flushed.
    .addColumn('shard', 'smallint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_counters_pk', ['workspace_id', 'metric', 'period_start', 'shard'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists credit_ledger_no_update on credit_ledger`.execute(db);
  await sql`drop function if exists credit_ledger_append_only()`.execute(db);
  for (const table of [
    'usage_counters',
    'credit_ledger',
    'credit_balances',
    'billing_purchases',
    'stripe_invoices',
    'stripe_subscriptions',
    'stripe_events',
    'billing_accounts',
    'billing_customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
