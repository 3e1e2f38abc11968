import 'server-only';
// The registry of feature flags and kill switches: each key with what it controls and its default.
export type FlagDefinition = { description: string; default: boolean };

export const knownFlags = {
  'ai.enabled': { description: 'AI features; off = deterministic fallbacks', default: true },
  'workflows.runs_enabled': { description: 'kill switch: no new workflow runs', default: true },
  'billing.checkout_enabled': { description: 'Stripe checkout for new subscriptions', default: true },
  'signups.enabled': { description: 'new sign-ups', default: true },
} as const satisfies Record<string, FlagDefinition>;

export type FlagKey = keyof typeof knownFlags;

export function isKnownFlag(key: string): key is FlagKey {
  return Object.hasOwn(knownFlags, key);
}
