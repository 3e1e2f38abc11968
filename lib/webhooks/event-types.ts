// The events a webhook can subscribe to (no imports: the settings page's client components read it too).
export const webhookEventTypes = [
  'run.succeeded',
  'run.failed',
  'approval.requested',
  'backup.verification_failed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
