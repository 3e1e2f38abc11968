// Tables of outgoing event webhooks (subscriptions and their deliveries).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type WebhookSubscriptionTable = {
  id: Generated<string>;
  workspace_id: string;
  url: string;
  events: string[];
  description: string | null;
  /** The signing secret, encrypted (lib/crypto/secret-box) with the workspace id as associated data. */
  secret: string;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

/** One try of a delivery, as the settings page lists it. */
export type WebhookAttempt = {
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
};

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export type WebhookDeliveryTable = {
  id: Generated<string>;
  subscription_id: string;
  workspace_id: string;
  /** The event's id: the same for every subscription and every retry of the event. */
  event_id: string;
  event_type: string;
  /** The JSON body sent, exactly as signed. */
  payload: ColumnType<unknown, string, string>;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: Generated<number>;
  attempt_log: ColumnType<WebhookAttempt[], string | undefined, string>;
  next_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  delivered_at: Timestamp | null;
};

export type WebhookTables = {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
};
