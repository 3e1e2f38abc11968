// The heartbeat: is Levqor alive, and are its dependencies answering?
import type { Db } from '@/db/client';
import type { Env } from '@/lib/env';
import { countRecentErrors } from '@/lib/guardian/telemetry';
import { checkAi, checkDatabase, checkStripe, type CheckResult } from './checks';
import { appVersion } from './version';

/** More errors than this in the window marks the service degraded. */
export const RECENT_ERROR_THRESHOLD = 25;

export type Heartbeat = {
  status: 'ok' | 'degraded' | 'down';
  db_ok: boolean;
  stripe_ok: boolean | 'not_configured';
  brain_ok: boolean | 'not_configured';
  error_count_recent: number | null;
  uptime_seconds: number;
  version: string;
  checked_at: string;
};

export function overallStatus(
  checks: { db: CheckResult; stripe: CheckResult; ai: CheckResult },
  errorCount: number | null,
): Heartbeat['status'] {
  if (checks.db.ok !== true) return 'down';
  if (checks.stripe.ok === false || checks.ai.ok === false) return 'degraded';
  if (errorCount !== null && errorCount > RECENT_ERROR_THRESHOLD) return 'degraded';
  return 'ok';
}

/** `db` is null when the database could not be opened at all. */
export async function getHeartbeat(
  db: Db | null,
  env: Env,
): Promise<Heartbeat & { checks: Record<'db' | 'stripe' | 'ai', CheckResult> }> {
  const [dbCheck, stripe, ai] = await Promise.all([checkDatabase(db), checkStripe(env), checkAi(env)]);
  const errorCount = db && dbCheck.ok === true ? await countRecentErrors(db).catch(() => null) : null;
  const checks = { db: dbCheck, stripe, ai };
  return {
    status: overallStatus(checks, errorCount),
    db_ok: dbCheck.ok === true,
    stripe_ok: stripe.ok,
    brain_ok: ai.ok,
    error_count_recent: errorCount,
    uptime_seconds: Math.round(process.uptime()),
    version: appVersion,
    checked_at: new Date().toISOString(),
    checks,
  };
}
