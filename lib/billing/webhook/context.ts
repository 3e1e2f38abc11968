// What every webhook handler gets: the transaction, the event, the Stripe client (when configured) and an outbox of
// billing emails that are sent only once the transaction has committed.
import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '@/db/types';
import type { BillingEmail } from '../billing-emails';
import { type EventOrder, ORDER_RANK } from './event-order';
import type { StripeEventInput } from './stripe-objects';

export type WebhookContext = {
  trx: Transaction<Database>;
  event: StripeEventInput;
  stripe: Stripe | null;
  now: Date;
  emails: BillingEmail[];
};

export type HandlerOutcome = { outcome: 'processed' | 'unmatched' | 'ignored'; workspaceId?: string | null };
export type EventHandler = (ctx: WebhookContext) => Promise<HandlerOutcome>;

export function orderOf(event: StripeEventInput, rank: keyof typeof ORDER_RANK): EventOrder {
  return { rank: ORDER_RANK[rank], created: event.created, eventId: event.id };
}
