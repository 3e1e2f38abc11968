import 'server-only';
// The onboarding guide's state, computed from the workspace's own data: the first-run steps (create, connect, run, see
// the result), then the steps that make it dependable (a schedule or webhook, failure alerts or an approval, a teammate,
// a backup, an API key), each with where to do it, and the next best step (the first one not done).
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type FirstRunProgress, getFirstRunProgress } from '@/lib/dashboard/get-first-run-progress';

export const onboardingStepKeys = [
  'create',
  'connect',
  'run',
  'result',
  'trigger',
  'alerts',
  'invite',
  'backup',
  'apiKey',
] as const;
export type OnboardingStepKey = (typeof onboardingStepKeys)[number];

/** `start`: the first-run checklist (its dismiss rule holds); `grow`: what makes the automation dependable. */
export type OnboardingStep = { key: OnboardingStepKey; group: 'start' | 'grow'; done: boolean; href: string };

export type OnboardingState = {
  steps: OnboardingStep[];
  /** The next best step: the first one not done; null when every step is done. */
  next: OnboardingStepKey | null;
  /** `connect` is done because no workflow needs a connected tool. */
  connectNotNeeded: boolean;
  /** The first-run checklist's own progress (its dismiss rule: only once the `start` steps are done). */
  firstRun: FirstRunProgress;
};

export async function getOnboardingState(db: Db, scope: Scope): Promise<OnboardingState> {
  requireScope(scope, 'read');
  const ws = scope.workspaceId;
  const [progress, row] = await Promise.all([
    getFirstRunProgress(db, scope),
    db
      .selectFrom('workspaces')
      .select([
        sql<string | null>`(select id from workflows where workspace_id = ${ws}
          order by updated_at desc, id desc limit 1)`.as('latest_workflow_id'),
        sql<boolean>`exists (select 1 from workflows where workspace_id = ${ws} and enabled
          and trigger_type in ('schedule', 'webhook'))`.as('triggered'),
        sql<boolean>`(exists (select 1 from workflows where workspace_id = ${ws} and event_name = 'workflow.failed')
          or exists (select 1 from webhook_subscriptions where workspace_id = ${ws} and enabled
            and 'run.failed' = any(events))
          or exists (select 1 from workflows
            join workflow_versions on workflow_versions.workflow_id = workflows.id
              and workflow_versions.version = workflows.current_version
            where workflows.workspace_id = ${ws}
              and jsonb_path_exists(workflow_versions.definition, '$.steps[*] ? (@.type == "approval")')))`.as(
          'alerts',
        ),
        sql<boolean>`(exists (select 1 from memberships where workspace_id = ${ws} and user_id <> ${scope.userId})
          or exists (select 1 from invitations where workspace_id = ${ws} and revoked_at is null))`.as('invited'),
        sql<boolean>`exists (select 1 from backup_snapshots where workspace_id = ${ws})`.as('backed_up'),
        sql<boolean>`exists (select 1 from api_keys where workspace_id = ${ws} and revoked_at is null)`.as('api_key'),
      ])
      .where('id', '=', ws)
      .executeTakeFirstOrThrow(),
  ]);
  const workflowHref = row.latest_workflow_id ? `/workflows/${row.latest_workflow_id}` : '/workflows';
  const steps: OnboardingStep[] = [
    { key: 'create', group: 'start', done: progress.created, href: '/workflows/templates' },
    { key: 'connect', group: 'start', done: progress.connect !== 'todo', href: '/settings/connections' },
    { key: 'run', group: 'start', done: progress.ran, href: workflowHref },
    {
      key: 'result',
      group: 'start',
      done: progress.sawResult,
      href: progress.latestRunId ? `/runs/${progress.latestRunId}` : '/runs',
    },
    { key: 'trigger', group: 'grow', done: row.triggered, href: workflowHref },
    { key: 'alerts', group: 'grow', done: row.alerts, href: '/settings/webhooks' },
    { key: 'invite', group: 'grow', done: row.invited, href: '/settings/members' },
    { key: 'backup', group: 'grow', done: row.backed_up, href: '/backups' },
    { key: 'apiKey', group: 'grow', done: row.api_key, href: '/settings/api-keys' },
  ];
  return {
    steps,
    next: steps.find((step) => !step.done)?.key ?? null,
    connectNotNeeded: progress.connect === 'notNeeded',
    firstRun: progress,
  };
}
