import 'server-only';
// One assessment shared by the daily report and the summary: telemetry of the window, anomalies, uptime, live
// dependency checks and the health score computed from them.
import type { Db } from '@/db/client';
import { type Env, getEnv } from '@/lib/env';
import { checkAi, checkDatabase, checkStripe, type CheckResult } from '@/lib/system/checks';
import { type AnomalyReport, findAnomalies } from './find-anomalies';
import { healthScore, type HealthInputs, type HealthScore } from './health-score';
import { emptyWindow, lastMinutes, loadTelemetryWindow, type TelemetryWindow } from './telemetry-window';
import { getUptime, type Uptime } from './uptime';

export type HealthAssessment = {
  telemetry: TelemetryWindow;
  anomalies: AnomalyReport;
  uptime: Uptime;
  checks: { db: CheckResult; stripe: CheckResult; ai: CheckResult };
  inputs: HealthInputs;
  health: HealthScore;
};

export type AssessOptions = { windowMinutes?: number; now?: Date; env?: Env; fetchImpl?: typeof fetch };

export async function assessHealth(
  db: Db,
  { windowMinutes = 1440, now = new Date(), env = getEnv(), fetchImpl }: AssessOptions = {},
): Promise<HealthAssessment> {
  const span = lastMinutes(windowMinutes, now);
  const [dbCheck, stripe, ai] = await Promise.all([
    checkDatabase(db),
    checkStripe(env, fetchImpl),
    checkAi(env, fetchImpl),
  ]);
  const checks = { db: dbCheck, stripe, ai };
  if (dbCheck.ok !== true) {
    const telemetry = emptyWindow(span);
    const inputs: HealthInputs = {
      dbOk: false,
      failingDependencies: failing(checks),
      errorRate: null,
      slowEndpoints: 0,
      repeatedErrors: 0,
      uptimePct: null,
      failedJobs: 0,
    };
    const anomalies: AnomalyReport = {
      windowMinutes,
      from: span.from,
      to: span.to,
      anomalies: [],
      counts: { critical: 0, warning: 0 },
    };
    return {
      telemetry,
      anomalies,
      uptime: { from: span.from, to: span.to, expectedMinutes: 0, upMinutes: 0, uptimePct: null },
      checks,
      inputs,
      health: healthScore(inputs),
    };
  }
  const telemetry = await loadTelemetryWindow(db, span);
  const [anomalies, uptime] = await Promise.all([
    findAnomalies(db, { windowMinutes, now, telemetry }),
    getUptime(db, span.from, now),
  ]);
  const count = (kind: string) => anomalies.anomalies.filter((anomaly) => anomaly.kind === kind).length;
  const failedJobs = anomalies.anomalies
    .filter((a) => a.kind === 'job_failures')
    .reduce((sum, a) => sum + Number(a.details.failures ?? 0), 0);
  const inputs: HealthInputs = {
    dbOk: true,
    failingDependencies: failing(checks),
    errorRate: telemetry.errorRate,
    slowEndpoints: count('slow_endpoint'),
    repeatedErrors: count('repeated_error'),
    uptimePct: uptime.uptimePct,
    failedJobs,
  };
  return { telemetry, anomalies, uptime, checks, inputs, health: healthScore(inputs) };
}

const failing = (checks: HealthAssessment['checks']) =>
  [checks.stripe, checks.ai].filter((check) => check.ok === false).length;
