// Tables of the AI module: every AI answer with its spend, and per-workspace throttles.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type AiCallTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string | null;
  /** workflow | debug | chat | onboarding */
  feature: string;
  source: 'model' | 'fallback';
  fallback_reason: string | null;
  model: string | null;
  prompt_tokens: ColumnType<number, number | undefined, number>;
  completion_tokens: ColumnType<number, number | undefined, number>;
  /** Cost in millionths of a cent (a token's price is a whole number of them); bigint comes back as a string. */
  cost_microcents: ColumnType<string, number | bigint | string | undefined, number | bigint | string>;
  /** AI credits spent from the workspace's ledger for this call. */
  credits: ColumnType<number, number | undefined, number>;
  latency_ms: ColumnType<number, number | undefined, number>;
  error_code: string | null;
  created_at: CreatedAt;
};

export type AiThrottleTable = {
  workspace_id: string;
  /** Model calls allowed a minute for this workspace (null: the platform default). */
  calls_per_minute: number | null;
  /** No model calls before this time (set by an operator or by spike detection). */
  throttled_until: Timestamp | null;
  /** 'admin' | 'spike' */
  reason: string | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type AiTables = { ai_calls: AiCallTable; ai_throttles: AiThrottleTable };
