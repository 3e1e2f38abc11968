// Retention policies (keep last / daily / weekly / monthly) and which snapshots they keep, like restic's `forget --keep-*`.
// NOTE: no `server-only`: the schema and this pure function are shared with the retention form in the browser.
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/workflows/definition';

const keepCount = z.number().int().min(0).max(10_000);

export const retentionPolicySchema = z.strictObject({
  /** Keep the N newest snapshots. */
  keepLast: keepCount.optional(),
  /** Keep the newest snapshot of each of the N most recent days that have snapshots. */
  keepDaily: keepCount.optional(),
  /** The same per ISO week (Monday to Sunday). */
  keepWeekly: keepCount.optional(),
  /** The same per calendar month. */
  keepMonthly: keepCount.optional(),
  /** IANA time zone whose midnight starts a day (default: the workflow's time zone, else UTC). */
  timezone: z.string().refine(isValidTimeZone, 'Not an IANA time zone such as Europe/London').optional(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export type RetentionReason = 'last' | 'daily' | 'weekly' | 'monthly';
export type RetentionCandidate = { id: string; createdAt: Date };
export type RetentionSelection = { keep: { id: string; reasons: RetentionReason[] }[]; remove: string[] };

/** A policy that keeps nothing by rule keeps everything (restic refuses to forget with an empty policy). */
export function isEmptyPolicy(policy: RetentionPolicy): boolean {
  return !policy.keepLast && !policy.keepDaily && !policy.keepWeekly && !policy.keepMonthly;
}

/** Newest first; equal times are ordered by id so the result never depends on input order. */
function newestFirst(a: RetentionCandidate, b: RetentionCandidate): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

type CalendarDate = { year: number; month: number; day: number };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const dayKey = ({ year, month, day }: CalendarDate) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone. */
function localDate(instant: Date, timeZone: string): CalendarDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** ISO 8601 week (`2026-W01`): the week belongs to the year of its Thursday. */
function isoWeek({ year, month, day }: CalendarDate): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const weekYear = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000));
  return `${pad(weekYear, 4)}-W${pad(week)}`;
}

type Rule = {
  reason: RetentionReason;
  left: number;
  bucket: (snapshot: RetentionCandidate, index: number) => string;
  last?: string;
};

/**
 * Walks the snapshots newest first; each rule keeps a snapshot when it opens a bucket (day, week, month, or
 * every snapshot for `last`) the rule has not seen yet, until the rule's count is used up.
 */
export function selectRetention(
  snapshots: readonly RetentionCandidate[],
  policy: RetentionPolicy,
  timeZone: string,
): RetentionSelection {
  const ordered = [...snapshots].sort(newestFirst);
  if (isEmptyPolicy(policy)) return { keep: ordered.map(({ id }) => ({ id, reasons: [] })), remove: [] };

  const date = (snapshot: RetentionCandidate) => localDate(snapshot.createdAt, timeZone);
  const rules: Rule[] = [
    { reason: 'last', left: policy.keepLast ?? 0, bucket: (_snapshot, index) => String(index) },
    { reason: 'daily', left: policy.keepDaily ?? 0, bucket: (snapshot) => dayKey(date(snapshot)) },
    { reason: 'weekly', left: policy.keepWeekly ?? 0, bucket: (snapshot) => isoWeek(date(snapshot)) },
    { reason: 'monthly', left: policy.keepMonthly ?? 0, bucket: (snapshot) => dayKey(date(snapshot)).slice(0, 7) },
  ];

  const selection: RetentionSelection = { keep: [], remove: [] };
  ordered.forEach((snapshot, index) => {
    const reasons: RetentionReason[] = [];
    for (const rule of rules) {
      if (rule.left <= 0) continue;
      const bucket = rule.bucket(snapshot, index);
      if (bucket === rule.last) continue;
      rule.last = bucket;
      rule.left -= 1;
      reasons.push(rule.reason);
    }
    if (reasons.length > 0) selection.keep.push({ id: snapshot.id, reasons });
    else selection.remove.push(snapshot.id);
  });
  return selection;
}
