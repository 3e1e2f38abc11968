// Tables of outgoing event webhooks (subscriptions and their deliveries).
export type WebhookTables = Record<never, never>;
