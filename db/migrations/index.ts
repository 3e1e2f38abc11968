// Every migration, in order. Landed migrations are frozen: add a new file instead of editing one.
import type { Migration } from 'kysely';
import * as telemetry from './2026_11_23_0001_telemetry';
import * as accounts from './2026_11_23_0002_accounts';
import * as jobs from './2026_11_23_0003_jobs';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_telemetry': telemetry,
  '2026_11_23_0002_accounts': accounts,
  '2026_11_23_0003_jobs': jobs,
};
