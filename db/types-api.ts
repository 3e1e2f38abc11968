// Tables of the public API: stored answers of creating POSTs sent with an Idempotency-Key.
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type IdempotencyKeyTable = {
  workspace_id: string;
  key: string;
  operation_id: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
  status: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
  response_headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  completed_at: Timestamp | null;
};

export type ApiTables = { idempotency_keys: IdempotencyKeyTable };
