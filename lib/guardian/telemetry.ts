// Server telemetry helpers: every event also goes to the structured log; rows feed heartbeat and guardian.
import type { Db } from '@/db/client';
import type { NewTelemetryLog } from '@/db/types';
import { logger, scrub, scrubDeep } from '@/lib/logger';

type TelemetryInput = Omit<NewTelemetryLog, 'level' | 'kind'>;

async function insertLog(db: Db, row: NewTelemetryLog): Promise<void> {
  await db
    .insertInto('telemetry_logs')
    .values({
      ...row,
      message: row.message ? scrub(row.message).slice(0, 2_000) : null,
      path: row.path ? scrub(row.path) : null,
      meta: JSON.stringify(scrubDeep(row.meta ?? {})),
    })
    .execute();
}

export async function logEvent(db: Db, input: TelemetryInput): Promise<void> {
  logger.info({ event: input.name, path: input.path, request_id: input.request_id }, input.message ?? input.name);
  await insertLog(db, { ...input, level: 'info', kind: 'event' });
}

export async function logError(db: Db, input: TelemetryInput): Promise<void> {
  logger.error(
    { event: input.name, path: input.path, status: input.status, request_id: input.request_id },
    input.message ?? input.name,
  );
  await insertLog(db, { ...input, level: 'error', kind: 'error' });
}

export async function logPerformance(db: Db, input: TelemetryInput & { duration_ms: number }): Promise<void> {
  await insertLog(db, { ...input, level: input.duration_ms > 2_000 ? 'warn' : 'info', kind: 'performance' });
}

/** Errors recorded in the last `windowMinutes` minutes. */
export async function countRecentErrors(db: Db, windowMinutes = 15): Promise<number> {
  const row = await db
    .selectFrom('telemetry_logs')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('level', '=', 'error')
    .where('created_at', '>', new Date(Date.now() - windowMinutes * 60_000))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
