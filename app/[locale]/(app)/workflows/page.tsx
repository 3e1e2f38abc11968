// Workflows: the workspace's workflows with search and an enabled filter, enable/disable, run now, "New workflow"
// (`?new=describe|scratch|json`, `&prompt=` from the dashboard's prompt), import from a file, and each row's rename,
// duplicate, export and delete.
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { FlashMessage } from '@/components/workflows/flash-message';
import { ImportWorkflowButton } from '@/components/workflows/import-workflow-button';
import { NewWorkflowPanel } from '@/components/workflows/new-workflow-panel';
import { newWorkflowModes } from '@/components/workflows/new-workflow-modes';
import { WorkflowFilters } from '@/components/workflows/workflow-filters';
import { WorkflowRow } from '@/components/workflows/workflow-row';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { aiLimits } from '@/lib/ai/schemas';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { Link } from '@/lib/i18n/navigation';
import { countWorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { listWorkflows, listWorkflowsQuerySchema } from '@/lib/workflows/list-workflows';

const noContents = { versions: 0, runs: 0, runsInProgress: 0, snapshots: 0 };

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflows'))('title') };
}

export default async function WorkflowsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/workflows');
  const raw = await searchParams;
  const parsed = listWorkflowsQuerySchema.safeParse({
    q: one(raw.q) || undefined,
    enabled: one(raw.enabled) || undefined,
    cursor: one(raw.cursor) || undefined,
  });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const db = await getDb();
  const [t, format, { workflows, nextCursor }] = await Promise.all([
    getTranslations('workflows'),
    getFormatter(),
    listWorkflows(db, scope, query),
  ]);
  const contents = await countWorkflowContents(
    db,
    scope,
    workflows.map((workflow) => workflow.id),
  );
  const canDelete = hasRole(scope, 'admin');
  const asked = one(raw.new);
  const filtered = Boolean(query.q || query.enabled);
  return (
    <div className="max-w-6xl">
      <h1 id="workflows-heading" tabIndex={-1} className="font-display text-3xl font-semibold">
        {t('title')}
      </h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <FlashMessage />
      <NewWorkflowPanel
        key={asked ?? 'closed'}
        initiallyOpen={asked !== undefined}
        initialMode={newWorkflowModes.find((mode) => mode === asked) ?? 'describe'}
        initialPrompt={asked === 'describe' ? one(raw.prompt)?.slice(0, aiLimits.promptChars) : undefined}
      />
      <ImportWorkflowButton />
      <WorkflowFilters
        q={parsed.success ? parsed.data.q : undefined}
        enabled={parsed.success ? parsed.data.enabled : undefined}
      />
      {workflows.length === 0 ? (
        <div className="mt-8">
          {filtered ? (
            <EmptyState
              title={t('noMatch')}
              testId="workflows-no-match"
              action={
                <Link href="/workflows" className={buttonClass()}>
                  {t('firstRun.clearFilters')}
                </Link>
              }
            />
          ) : (
            <EmptyState
              title={t('firstRun.emptyTitle')}
              testId="workflows-empty"
              action={
                <>
                  <Link href="/workflows/templates" className={buttonClass({ variant: 'primary' })}>
                    {t('firstRun.pickTemplate')}
                  </Link>
                  <Link href="/workflows?new=scratch" className={buttonClass()}>
                    {t('firstRun.startScratch')}
                  </Link>
                </>
              }
            >
              {t('empty')}
            </EmptyState>
          )}
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-border rounded-card border border-border" aria-label={t('listLabel')}>
          {workflows.map((workflow) => (
            <WorkflowRow
              key={workflow.id}
              workflow={{
                id: workflow.id,
                name: workflow.name,
                description: workflow.description,
                enabled: workflow.enabled,
              }}
              summary={`${t(`trigger.${workflow.trigger.type as 'manual'}`)} · ${t('versionShort', { version: workflow.currentVersion })} · ${t('updated', { date: format.dateTime(workflow.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}`}
              contents={contents.get(workflow.id) ?? noContents}
              canDelete={canDelete}
            />
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link
          href={{
            pathname: '/workflows',
            query: {
              ...(query.q ? { q: query.q } : {}),
              ...(query.enabled ? { enabled: query.enabled } : {}),
              cursor: nextCursor,
            },
          }}
          className="mt-4 inline-block text-sm text-brand-accent underline underline-offset-4"
        >
          {t('more')}
        </Link>
      ) : null}
    </div>
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
