import 'server-only';
// Retention for guardian data: job run history after 30 days, alert records after 30 days without a sighting,
// reports after a year, archived upgrade plans after 90 days.
import type { Db } from '@/db/client';

const DAY_MS = 86_400_000;

export async function purgeGuardianData(db: Db, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [jobRuns, alerts, reports, plans] = await Promise.all([
    db.deleteFrom('job_runs').where('started_at', '<', before(30)).where('status', '!=', 'running').executeTakeFirst(),
    db.deleteFrom('guardian_alerts').where('last_seen_at', '<', before(30)).executeTakeFirst(),
    db.deleteFrom('guardian_reports').where('period_start', '<', before(366)).executeTakeFirst(),
    db
      .deleteFrom('upgrade_plans')
      .where('status', '=', 'archived')
      .where('archived_at', '<', before(90))
      .executeTakeFirst(),
  ]);
  return {
    jobRuns: Number(jobRuns.numDeletedRows),
    alerts: Number(alerts.numDeletedRows),
    reports: Number(reports.numDeletedRows),
    upgradePlans: Number(plans.numDeletedRows),
  };
}
