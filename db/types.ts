// The typed schema of the Levqor database, kept in step with db/migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export type TelemetryLogTable = {
  id: Generated<string>;
  level: 'info' | 'warn' | 'error';
  kind: 'event' | 'error' | 'performance';
  name: string;
  message: string | null;
  path: string | null;
  status: number | null;
  duration_ms: number | null;
  request_id: string | null;
  workspace_id: string | null;
  meta: Json;
  created_at: Timestamp;
};

export type Database = {
  telemetry_logs: TelemetryLogTable;
};

export type TelemetryLog = Selectable<TelemetryLogTable>;
export type NewTelemetryLog = Insertable<TelemetryLogTable>;
