import 'server-only';
// The daily report job: builds the report, keeps it (one per UTC day) and emails it to the operators once.
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { type Env, getEnv } from '@/lib/env';
import { buildDailyReport, type DailyReport } from './daily-report';
import { operatorEmails } from './operator-emails';

const DAY_MS = 86_400_000;

export async function runDailyReport(
  db: Db,
  { now = new Date(), env = getEnv(), fetchImpl }: { now?: Date; env?: Env; fetchImpl?: typeof fetch } = {},
) {
  const report = await buildDailyReport(db, { now, env, fetchImpl });
  const periodStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const values = {
    kind: 'daily' as const,
    scope_key: 'platform',
    period_start: periodStart,
    health_score: report.health.score,
    body: JSON.stringify(report),
  };
  const inserted = await db
    .insertInto('guardian_reports')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'scope_key', 'period_start']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    await db
      .updateTable('guardian_reports')
      .set({ health_score: values.health_score, body: values.body })
      .where('kind', '=', 'daily')
      .where('scope_key', '=', 'platform')
      .where('period_start', '=', periodStart)
      .execute();
    return { health_score: report.health.score, emailed: 0 };
  }
  const recipients = await operatorEmails(db, env);
  for (const to of recipients) {
    await sendEmail(db, {
      to,
      kind: 'operator_daily_report',
      subject: `[Levqor] Daily report: health ${report.health.score}/100`,
      text: reportText(report, env.APP_URL),
    });
  }
  return { health_score: report.health.score, emailed: recipients.length };
}

export function reportText(report: DailyReport, appUrl: string): string {
  const s = report.summary;
  return [
    `Levqor daily report (${report.period.from} → ${report.period.to})`,
    '',
    `Health score: ${report.health.score}/100 (${report.health.grade})`,
    `Requests: ${s.requests}, server errors: ${s.server_errors}, error rate: ${s.error_rate_pct ?? 'n/a'} %`,
    `Errors recorded: ${s.error_count}, uptime: ${s.uptime_pct ?? 'n/a'} %`,
    '',
    'Anomalies:',
    ...(report.anomalies.length ? report.anomalies.map((a) => `- [${a.severity}] ${a.title}`) : ['- none']),
    '',
    'Suggestions:',
    ...report.suggestions.map((suggestion) => `- ${suggestion.message}`),
    '',
    `Open ${new URL('/admin/guardian', appUrl).toString()}`,
  ].join('\n');
}
