// The order of events about one object: rank first (provisional < snapshot < terminal), then Stripe's `created`, then
// the event id, so any delivery order ends in the same state.
export type EventOrder = { rank: number; created: number; eventId: string };

export const ORDER_RANK = { provisional: 0, snapshot: 1, terminal: 2 } as const;

/** Subscription statuses Stripe never leaves. */
export const terminalSubscriptionStatuses = new Set(['canceled', 'incomplete_expired']);

export function compareOrder(a: EventOrder, b: EventOrder): number {
  return a.rank - b.rank || a.created - b.created || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}
