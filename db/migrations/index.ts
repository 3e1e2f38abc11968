// Every migration, in order. Landed migrations are frozen: add a new file instead of editing one.
import type { Migration } from 'kysely';
import * as telemetry from './2026_11_23_0001_telemetry';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_telemetry': telemetry,
};
