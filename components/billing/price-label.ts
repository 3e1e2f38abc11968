// The message (namespace "pricing") naming a catalogue price, for cards, receipts and the welcome page.
import type { CataloguePrice } from '@/lib/billing/catalogue';

export function priceLabel(price: CataloguePrice): { key: string; values: Record<string, string | number> } {
  if (price.plan) return { key: `plans.${price.plan}.name`, values: {} };
  if (price.credits) return { key: 'addons.credits', values: { count: price.credits } };
  if (price.kind === 'dfy') return { key: `dfy.${price.lookupKey.replace('levqor_dfy_', '')}.name`, values: {} };
  return { key: 'addons.expertSession.name', values: {} };
}
