// One workflow: the visual editor (default tab), overview (trigger, webhook URL, next run, version, figures, test run, recent runs), the JSON editor,
// version history with diff and restore, and its backups with the retention policy; rule-based suggestions above the tabs.
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { SuggestionPanel } from '@/components/ai/suggestion-panel';
import { RetentionEditor } from '@/components/backups/retention-editor';
import { SnapshotsTable } from '@/components/backups/snapshots-table';
import { StatCard } from '@/components/dashboard/stat-card';
import { formatDuration } from '@/components/runs/format-duration';
import { RunsTable } from '@/components/runs/runs-table';
import type { Serialized } from '@/components/runs/run-view';
import { CopyButton } from '@/components/workflows/copy-button';
import { DefinitionEditor } from '@/components/workflows/definition-editor';
import { SetupChecklist } from '@/components/workflows/setup-checklist';
import { FlashMessage } from '@/components/workflows/flash-message';
import { TestRunForm } from '@/components/workflows/test-run-form';
import { VersionHistory } from '@/components/workflows/version-history';
import { VisualEditor } from '@/components/workflows/visual-editor/visual-editor';
import { WorkflowHeader } from '@/components/workflows/workflow-header';
import { WebhookSigningPanel } from '@/components/workflows/webhook-signing-panel';
import { defaultWorkflowTab, type WorkflowTab, WorkflowTabs, workflowTabs } from '@/components/workflows/workflow-tabs';
import { Time } from '@/components/ui/time';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { listSuggestions } from '@/lib/ai/suggestions/list-suggestions';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole, type Scope } from '@/lib/auth/scope';
import { getRetention } from '@/lib/backups/get-retention';
import { listSnapshots } from '@/lib/backups/list-snapshots';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { getRunStats } from '@/lib/workflows/analytics/get-run-stats';
import { countWorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { webhookRateLimits } from '@/lib/workflows/definition';
import { getSetupChecklist } from '@/lib/workflows/get-setup-checklist';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { listVersions } from '@/lib/workflows/list-versions';
import { orNotFound, pageId } from '@/lib/workflows/page-params';
import { listRuns } from '@/lib/workflows/runs/list-runs';
import { getWebhookSigning } from '@/lib/workflows/triggers/get-webhook-signing';
import { webhookSecretGrace } from '@/lib/workflows/triggers/rotate-webhook-secret';
import type { WorkflowDetailDto } from '@/lib/workflows/workflow-dto';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ tab?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflows'))('title') };
}

/** Dates become ISO strings, as client components receive them from the API. */
const json = <T,>(value: T): Serialized<T> => JSON.parse(JSON.stringify(value));

export default async function WorkflowPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = pageId(rawId);
  const scope = await requireSessionScope(locale, `/workflows/${id}`);
  const db = await getDb();
  const { tab: rawTab } = await searchParams;
  const tab: WorkflowTab = workflowTabs.find((candidate) => candidate === rawTab) ?? defaultWorkflowTab;
  const [t, workflow, contents] = await Promise.all([
    getTranslations('workflows'),
    orNotFound(getWorkflow(db, scope, id)),
    countWorkflowContents(db, scope, [id]),
  ]);
  return (
    <div className="max-w-6xl">
      <p className="text-sm">
        <Link href="/workflows" className="text-fg-muted underline-offset-4 hover:underline">
          <span aria-hidden className="inline-block rtl:rotate-180">
            ←
          </span>{' '}
          {t('title')}
        </Link>
      </p>
      <FlashMessage />
      <WorkflowHeader
        workflow={{
          id: workflow.id,
          name: workflow.name,
          description: workflow.description,
          enabled: workflow.enabled,
        }}
        contents={
          contents.get(workflow.id) ?? { versions: workflow.currentVersion, runs: 0, runsInProgress: 0, snapshots: 0 }
        }
        canDelete={hasRole(scope, 'admin')}
      />
      <Setup db={db} scope={scope} workflowId={workflow.id} enabled={workflow.enabled} />
      <Suggestions db={db} scope={scope} workflowId={workflow.id} locale={locale as Locale} />
      {workflow.webhookUrl &&
      workflow.definition.trigger.type === 'webhook' &&
      workflow.definition.trigger.requireSignature ? (
        <WebhookSigning db={db} scope={scope} workflow={workflow} />
      ) : null}
      <WorkflowTabs workflowId={workflow.id} current={tab} />
      {tab === 'visual' ? (
        <VisualEditor
          workspaceId={scope.workspaceId}
          workflowId={workflow.id}
          definition={workflow.definition}
          version={workflow.currentVersion}
        />
      ) : null}
      {tab === 'overview' ? <Overview db={db} scope={scope} workflow={workflow} /> : null}
      {tab === 'definition' ? (
        <DefinitionEditor
          workspaceId={scope.workspaceId}
          workflowId={workflow.id}
          definition={workflow.definition}
          version={workflow.currentVersion}
        />
      ) : null}
      {tab === 'versions' ? (
        <VersionHistory
          workflowId={workflow.id}
          currentVersion={workflow.currentVersion}
          currentDefinition={workflow.definition}
          versions={json(await listVersions(db, scope, workflow.id))}
        />
      ) : null}
      {tab === 'backups' ? <Backups db={db} scope={scope} workflowId={workflow.id} /> : null}
    </div>
  );
}

async function Setup({
  db,
  scope,
  workflowId,
  enabled,
}: {
  db: Db;
  scope: Scope;
  workflowId: string;
  enabled: boolean;
}) {
  const { items } = await getSetupChecklist(db, scope, workflowId);
  return <SetupChecklist key={JSON.stringify(items)} workflowId={workflowId} enabled={enabled} items={items} />;
}

/** Rule-based improvements for this workflow; nothing is shown when there are none. */
async function Suggestions({
  db,
  scope,
  workflowId,
  locale,
}: {
  db: Db;
  scope: Scope;
  workflowId: string;
  locale: Locale;
}) {
  const suggestions = await listSuggestions(db, scope, { locale, workflowId });
  if (suggestions.length === 0) return null;
  return (
    <div className="mt-6">
      <SuggestionPanel
        key={JSON.stringify(suggestions.map((suggestion) => suggestion.id))}
        suggestions={suggestions}
        place="workflow"
      />
    </div>
  );
}

async function Overview({ db, scope, workflow }: { db: Db; scope: Scope; workflow: WorkflowDetailDto }) {
  const [t, format, stats, { runs }] = await Promise.all([
    getTranslations('workflows'),
    getFormatter(),
    getRunStats(db, scope, { workflowId: workflow.id, days: 7 }),
    listRuns(db, scope, { workflowId: workflow.id, limit: 10 }),
  ]);
  const { trigger } = workflow;
  const triggerDetail =
    trigger.type === 'schedule'
      ? t('scheduleDetail', { cron: trigger.cron ?? '', timezone: trigger.timezone ?? 'UTC' })
      : trigger.type === 'event'
        ? t(`eventDetail.${trigger.event === 'workflow.failed' ? 'failed' : 'succeeded'}`)
        : null;
  return (
    <div className="mt-6 space-y-8">
      <dl className="grid gap-4 rounded-card border border-border p-5 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs text-fg-subtle">{t('overview.trigger')}</dt>
          <dd className="mt-1 font-medium">{t(`trigger.${trigger.type as 'manual'}`)}</dd>
          {triggerDetail ? (
            <dd className="text-xs text-fg-muted" dir="auto">
              {triggerDetail}
            </dd>
          ) : null}
        </div>
        <div>
          <dt className="text-xs text-fg-subtle">{t('overview.nextRun')}</dt>
          <dd className="mt-1 font-medium">
            {workflow.nextRunAt && workflow.enabled ? (
              <Time value={workflow.nextRunAt} relative />
            ) : (
              t('overview.noNextRun')
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-fg-subtle">{t('overview.version')}</dt>
          <dd className="mt-1 font-medium" data-testid="workflow-version">
            v{workflow.currentVersion}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-fg-subtle">{t('overview.updated')}</dt>
          <dd className="mt-1 font-medium">
            <Time value={workflow.updatedAt} relative />
          </dd>
        </div>
        {workflow.webhookUrl ? (
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-xs text-fg-subtle">{t('overview.webhookUrl')}</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2">
              <code
                className="break-all rounded-lg bg-surface-sunken px-3 py-2 font-mono text-xs"
                dir="ltr"
                data-testid="webhook-url"
              >
                {workflow.webhookUrl}
              </code>
              <CopyButton value={workflow.webhookUrl} label={t('overview.copyWebhook')} />
            </dd>
            <dd className="mt-1 text-xs text-fg-subtle">{t('overview.webhookHint')}</dd>
            <dd className="mt-1 text-xs text-fg-subtle" data-testid="webhook-rate-limit">
              {t('overview.webhookRateLimit', {
                count:
                  (workflow.definition.trigger.type === 'webhook'
                    ? workflow.definition.trigger.rateLimitPerMinute
                    : undefined) ?? webhookRateLimits.defaultPerMinute,
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="workflow-figures">
        <h2 id="workflow-figures" className="font-display text-lg font-semibold">
          {t('overview.figures')}
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t('overview.runsToday')} value={stats.runsToday} />
          <StatCard
            label={t('overview.successRate')}
            value={
              stats.successRate7d === null
                ? '—'
                : format.number(stats.successRate7d, { style: 'percent', maximumFractionDigits: 1 })
            }
          />
          <StatCard label={t('overview.p50')} value={formatDuration(stats.p50Ms7d)} />
          <StatCard label={t('overview.p95')} value={formatDuration(stats.p95Ms7d)} />
        </div>
      </section>
      <TestRunForm
        workspaceId={scope.workspaceId}
        workflowId={workflow.id}
        definition={workflow.definition}
        version={workflow.currentVersion}
      />
      <section aria-labelledby="workflow-recent-runs">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="workflow-recent-runs" className="font-display text-lg font-semibold">
            {t('overview.recentRuns')}
          </h2>
          <Link
            href={{ pathname: '/runs', query: { workflowId: workflow.id } }}
            className="text-sm text-brand-accent underline underline-offset-4"
          >
            {t('overview.allRuns')}
          </Link>
        </div>
        <div className="mt-3">
          {runs.length === 0 ? (
            <p className="text-fg-subtle">{t('overview.noRuns')}</p>
          ) : (
            <RunsTable runs={runs} showWorkflow={false} label={t('overview.recentRuns')} />
          )}
        </div>
      </section>
    </div>
  );
}

/** Shown on every tab while signing is on, so the secret appears right after the save that turns it on. */
async function WebhookSigning({ db, scope, workflow }: { db: Db; scope: Scope; workflow: WorkflowDetailDto }) {
  const signing = json(await getWebhookSigning(db, scope, workflow.id));
  return (
    <WebhookSigningPanel
      workflowId={workflow.id}
      webhookUrl={workflow.webhookUrl ?? ''}
      canRotate={hasRole(scope, 'admin')}
      secretShownAt={signing.secretShownAt}
      previousValidUntil={signing.previousValidUntil}
      graceHours={webhookSecretGrace.defaultHours}
    />
  );
}

async function Backups({ db, scope, workflowId }: { db: Db; scope: Scope; workflowId: string }) {
  const [t, snapshots, retention] = await Promise.all([
    getTranslations('backups'),
    listSnapshots(db, scope, { workflowId, limit: 100 }),
    getRetention(db, scope, workflowId),
  ]);
  return (
    <div className="mt-6 space-y-8">
      <RetentionEditor workflowId={workflowId} policy={retention.policy} plan={json(retention.plan)} />
      <section aria-labelledby="workflow-snapshots">
        <h2 id="workflow-snapshots" className="font-display text-lg font-semibold">
          {t('title')}
        </h2>
        <div className="mt-3">
          {snapshots.data.length === 0 ? (
            <p className="text-fg-subtle">{t('emptyWorkflow')}</p>
          ) : (
            <SnapshotsTable snapshots={snapshots.data} showWorkflow={false} />
          )}
        </div>
      </section>
    </div>
  );
}
