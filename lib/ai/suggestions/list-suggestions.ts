import 'server-only';
// Suggestions for the workspace's workflows (or one of them): rule-based and deterministic, from each workflow's current
// definition and its recent runs, most urgent first. Texts written into proposed definitions are in the reader's locale.
import { createTranslator } from 'next-intl';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';
import { type RuleContext, type Suggestion, suggestForWorkflow, suggestionKinds } from './suggestion-rules';

/** Workflows looked at (most recently changed first), and how many recent finished runs count for "keeps failing". */
const MAX_WORKFLOWS = 50;
const RECENT_RUNS = 10;
const RECENT_DAYS = 30;

type Translate = (key: string, values?: Record<string, string>) => string;
type Options = { locale: Locale; workflowId?: string; limit?: number; now?: Date };

export async function listSuggestions(db: Db, scope: Scope, options: Options): Promise<Suggestion[]> {
  requireScope(scope, 'read');
  const ws = scope.workspaceId;
  let query = db
    .selectFrom('workflows')
    .innerJoin('workflow_versions', (join) =>
      join
        .onRef('workflow_versions.workflow_id', '=', 'workflows.id')
        .onRef('workflow_versions.version', '=', 'workflows.current_version'),
    )
    .select(['workflows.id', 'workflows.name', 'workflows.current_version', 'workflow_versions.definition'])
    .where('workflows.workspace_id', '=', ws)
    .orderBy('workflows.updated_at', 'desc')
    .orderBy('workflows.id')
    .limit(MAX_WORKFLOWS);
  if (options.workflowId) query = query.where('workflows.id', '=', options.workflowId);
  const workflows = await query.execute();
  if (workflows.length === 0) return [];
  const ids = workflows.map((workflow) => workflow.id);
  const since = new Date((options.now ?? new Date()).getTime() - RECENT_DAYS * 86_400_000);
  const [listeners, workspace, user, runs, t] = await Promise.all([
    db
      .selectFrom('workflows')
      .select('event_source_workflow_id')
      .where('workspace_id', '=', ws)
      .where('event_name', '=', 'workflow.failed')
      .execute(),
    db
      .selectFrom('workspaces')
      .select([
        'approval_policy',
        sql<boolean>`exists (select 1 from webhook_subscriptions where workspace_id = ${ws} and enabled
          and 'run.failed' = any(events))`.as('run_failed_webhook'),
      ])
      .where('id', '=', ws)
      .executeTakeFirstOrThrow(),
    db.selectFrom('users').select('email').where('id', '=', scope.userId).executeTakeFirst(),
    sql<{ workflow_id: string; id: string; status: string }>`
      select workflow_id, id, status from (
        select workflow_id, id, status,
          row_number() over (partition by workflow_id order by finished_at desc, id desc) as position
        from workflow_runs
        where workspace_id = ${ws} and workflow_id in (${sql.join(ids)})
          and status in ('succeeded', 'failed') and finished_at >= ${since} and draft_definition is null
      ) recent where position <= ${RECENT_RUNS} order by workflow_id, position`.execute(db),
    loadMessages(options.locale).then(
      (messages) => createTranslator({ locale: options.locale, messages, namespace: 'ai.suggestions' }) as Translate,
    ),
  ]);
  const alerted = new Set(listeners.map((row) => row.event_source_workflow_id));
  const texts: RuleContext['texts'] = {
    approvalMessage: (step) => t('texts.approvalMessage', { step }),
    alertName: (workflow) => t('texts.alertName', { workflow }),
    alertSubject: (workflow) => t('texts.alertSubject', { workflow }),
    alertText: (workflow, run) => t('texts.alertText', { workflow, run }),
  };
  const found = workflows.flatMap((workflow) => {
    const parsed = workflowDefinitionSchema.safeParse(workflow.definition);
    if (!parsed.success) return [];
    const mine = runs.rows.filter((run) => run.workflow_id === workflow.id);
    return suggestForWorkflow(
      { id: workflow.id, name: workflow.name, version: workflow.current_version, definition: parsed.data },
      {
        alerted: (id) => workspace.run_failed_webhook || alerted.has(id),
        approvalPolicy: workspace.approval_policy,
        recentRuns: {
          finished: mine.length,
          failed: mine.filter((run) => run.status === 'failed').length,
          lastFailedRunId: mine.find((run) => run.status === 'failed')?.id ?? null,
        },
        alertEmail: user?.email ?? null,
        texts,
      },
    );
  });
  const rank = (suggestion: Suggestion) => suggestionKinds.indexOf(suggestion.kind);
  const ordered = found
    .map((suggestion, index) => ({ suggestion, index }))
    .sort((a, b) => rank(a.suggestion) - rank(b.suggestion) || a.index - b.index)
    .map(({ suggestion }) => suggestion);
  return options.limit === undefined ? ordered : ordered.slice(0, options.limit);
}
