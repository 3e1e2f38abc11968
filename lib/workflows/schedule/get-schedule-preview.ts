import 'server-only';
// The editor's schedule preview: the next five runs of a cron in its zone, or the per-field issue in the reader's language.
import { translateIssues } from '@/lib/i18n/translate-issues';
import type { Locale } from '@/lib/i18n/locales';
import type { ValidationIssue } from '@/lib/workflows/validate-definition';
import { isValidTimeZone } from '../definition';
import type { SchedulePreviewQuery } from '../schemas';
import { checkCron } from './check-cron';
import { previewRuns } from './preview-runs';

export type SchedulePreview = { ok: true; timezone: string; runs: string[] } | { ok: false; issues: ValidationIssue[] };

export async function getSchedulePreview(
  { cron, timezone }: SchedulePreviewQuery,
  locale: Locale,
  now: Date = new Date(),
): Promise<SchedulePreview> {
  const issues: ValidationIssue[] = [];
  const cronIssue = checkCron(cron);
  if (cronIssue) issues.push({ path: 'trigger.cron', ...cronIssue });
  if (!isValidTimeZone(timezone))
    issues.push({
      path: 'trigger.timezone',
      code: 'unknown_time_zone',
      params: { value: timezone.slice(0, 80) },
      message: `Time zone "${timezone.slice(0, 80)}" is not an IANA time zone such as Europe/London`,
    });
  if (issues.length > 0) return { ok: false, issues: await translateIssues(issues, locale) };
  const runs = previewRuns(cron, timezone, now);
  if (runs.length === 0)
    return {
      ok: false,
      issues: await translateIssues(
        [{ path: 'trigger.cron', code: 'never_runs', message: `"${cron}" never matches a date (such as 30 February)` }],
        locale,
      ),
    };
  return { ok: true, timezone, runs: runs.map((run) => run.toISOString()) };
}
