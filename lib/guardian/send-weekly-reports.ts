import 'server-only';
// The weekly report: each active workspace's owners get a summary of the last 7 days' runs and backups, once a week
// (a row in guardian_reports marks a workspace's week as sent, so a retried job never sends twice).
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { type Env, getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

const DAY_MS = 86_400_000;

export type WorkspaceWeek = { runs: number; succeeded: number; failed: number; backups: number; workflows: number };

/** Monday 00:00 UTC of the week `now` is in. */
export function weekStart(now: Date): Date {
  const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

export async function workspaceWeek(db: Db, workspaceId: string, from: Date, to: Date): Promise<WorkspaceWeek> {
  const [runs, backups, workflows] = await Promise.all([
    db
      .selectFrom('workflow_runs')
      .select([
        sql<number>`count(*)`.as('runs'),
        sql<number>`count(*) filter (where status = 'succeeded')`.as('succeeded'),
        sql<number>`count(*) filter (where status = 'failed')`.as('failed'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('backup_snapshots')
      .select(sql<number>`count(*)`.as('count'))
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('workflows')
      .select(sql<number>`count(*)`.as('count'))
      .where('workspace_id', '=', workspaceId)
      .where('enabled', '=', true)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    runs: Number(runs.runs),
    succeeded: Number(runs.succeeded),
    failed: Number(runs.failed),
    backups: Number(backups.count),
    workflows: Number(workflows.count),
  };
}

export async function sendWeeklyReports(db: Db, { now = new Date(), env = getEnv() }: { now?: Date; env?: Env } = {}) {
  const periodStart = weekStart(now);
  const from = new Date(now.getTime() - 7 * DAY_MS);
  const workspaces = await db
    .selectFrom('workspaces')
    .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'workspaces.id',
      'workspaces.name',
      sql<string[]>`array_agg(users.email order by users.email)`.as('owners'),
    ])
    .where('workspaces.status', '=', 'active')
    .where('memberships.role', '=', 'owner')
    .groupBy(['workspaces.id', 'workspaces.name'])
    .execute();
  const result = { workspaces: workspaces.length, sent: 0, skipped: 0, failed: 0 };
  for (const workspace of workspaces) {
    const marker = await db
      .insertInto('guardian_reports')
      .values({ kind: 'weekly', scope_key: workspace.id, period_start: periodStart, body: '{}' })
      .onConflict((oc) => oc.columns(['kind', 'scope_key', 'period_start']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!marker) {
      result.skipped += 1;
      continue;
    }
    try {
      const week = await workspaceWeek(db, workspace.id, from, now);
      for (const to of workspace.owners) {
        await sendEmail(db, {
          to,
          kind: 'weekly_report',
          subject: `Your Levqor week: ${week.runs} runs in ${workspace.name}`,
          text: weeklyText(workspace.name, week, env.APP_URL),
        });
      }
      await db
        .updateTable('guardian_reports')
        .set({ body: JSON.stringify(week) })
        .where('id', '=', marker.id)
        .execute();
      result.sent += 1;
    } catch (error) {
      await db.deleteFrom('guardian_reports').where('id', '=', marker.id).execute();
      logger.error({ err: error, workspace_id: workspace.id }, 'weekly report failed');
      result.failed += 1;
    }
  }
  if (result.failed > 0) throw new Error(`${result.failed} weekly report(s) could not be sent`);
  return result;
}

function weeklyText(name: string, week: WorkspaceWeek, appUrl: string): string {
  return [
    `Your week in ${name}:`,
    '',
    `Workflow runs: ${week.runs} (${week.succeeded} succeeded, ${week.failed} failed)`,
    `Backups stored: ${week.backups}`,
    `Active workflows: ${week.workflows}`,
    '',
    `Open your dashboard: ${new URL('/dashboard', appUrl).toString()}`,
  ].join('\n');
}
