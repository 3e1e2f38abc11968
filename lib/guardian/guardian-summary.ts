import 'server-only';
// GET /api/guardian/summary: the operator's one glance — status, health score, uptime, anomalies, plans, switches.
import type { Db } from '@/db/client';
import { getLaunchStage } from '@/lib/admin/launch-stage';
import { type Env, getEnv } from '@/lib/env';
import { isFlagEnabled } from '@/lib/flags/is-flag-enabled';
import { assessHealth } from './assess-health';
import { findAnomalies } from './find-anomalies';
import { getLatestHeartbeat } from './uptime';

export async function getGuardianSummary(
  db: Db,
  { now = new Date(), env = getEnv(), fetchImpl }: { now?: Date; env?: Env; fetchImpl?: typeof fetch } = {},
) {
  const assessment = await assessHealth(db, { windowMinutes: 1440, now, env, fetchImpl });
  const [lastHour, latest, plans, runsEnabled, aiEnabled] = await Promise.all([
    findAnomalies(db, { windowMinutes: 60, now }),
    getLatestHeartbeat(db),
    db
      .selectFrom('upgrade_plans')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('status', 'in', ['open', 'in_progress'])
      .executeTakeFirstOrThrow(),
    isFlagEnabled(db, 'workflows.runs_enabled'),
    isFlagEnabled(db, 'ai.enabled'),
  ]);
  const status =
    lastHour.counts.critical > 0 || !assessment.inputs.dbOk
      ? 'critical'
      : lastHour.counts.warning > 0
        ? 'warning'
        : 'ok';
  return {
    status,
    health_score: assessment.health.score,
    grade: assessment.health.grade,
    uptime_24h_pct: assessment.uptime.uptimePct,
    last_heartbeat: latest ? { status: latest.status, at: latest.createdAt.toISOString() } : null,
    anomalies_last_hour: lastHour.counts,
    requests_24h: assessment.telemetry.requests,
    errors_24h: assessment.telemetry.errorCount,
    error_rate_24h_pct:
      assessment.telemetry.errorRate === null ? null : Math.round(assessment.telemetry.errorRate * 1000) / 10,
    open_upgrade_plans: Number(plans.count),
    kill_switches: { 'workflows.runs_enabled': runsEnabled, 'ai.enabled': aiEnabled },
    launch_stage: getLaunchStage(env),
    generated_at: now.toISOString(),
  };
}
