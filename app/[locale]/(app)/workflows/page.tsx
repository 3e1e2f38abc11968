// Workflows: the workspace's workflows with search and an enabled filter, enable/disable, run now and "New workflow".
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { EnabledToggle } from '@/components/workflows/enabled-toggle';
import { NewWorkflowPanel } from '@/components/workflows/new-workflow-panel';
import { RunNowButton } from '@/components/workflows/run-now-button';
import { WorkflowFilters } from '@/components/workflows/workflow-filters';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { Link } from '@/lib/i18n/navigation';
import { listWorkflows, listWorkflowsQuerySchema } from '@/lib/workflows/list-workflows';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflows'))('title') };
}

export default async function WorkflowsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/workflows');
  const raw = await searchParams;
  const parsed = listWorkflowsQuerySchema.safeParse({ q: one(raw.q) || undefined, enabled: one(raw.enabled) || undefined, cursor: one(raw.cursor) || undefined });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [t, format, { workflows, nextCursor }] = await Promise.all([getTranslations('workflows'), getFormatter(), listWorkflows(await getDb(), scope, query)]);
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <NewWorkflowPanel />
      <WorkflowFilters q={parsed.success ? parsed.data.q : undefined} enabled={parsed.success ? parsed.data.enabled : undefined} />
      {workflows.length === 0 ? (
        <p className="mt-10 text-fg-subtle">{query.q || query.enabled ? t('noMatch') : t('empty')}</p>
      ) : (
        <ul className="mt-6 divide-y divide-border rounded-card border border-border" aria-label={t('listLabel')}>
          {workflows.map((workflow) => (
            <li key={workflow.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="workflow-row">
              <div className="min-w-0">
                <Link href={`/workflows/${workflow.id}`} className="font-medium text-fg underline-offset-4 hover:underline">
                  {workflow.name}
                </Link>
                {workflow.description ? <p className="mt-0.5 truncate text-sm text-fg-muted">{workflow.description}</p> : null}
                <p className="mt-1 text-xs text-fg-subtle">
                  {t(`trigger.${workflow.trigger.type as 'manual'}`)} · {t('versionShort', { version: workflow.currentVersion })} · {t('updated', { date: format.dateTime(workflow.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <EnabledToggle workflowId={workflow.id} name={workflow.name} enabled={workflow.enabled} />
                <RunNowButton workflowId={workflow.id} name={workflow.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={{ pathname: '/workflows', query: { ...(query.q ? { q: query.q } : {}), ...(query.enabled ? { enabled: query.enabled } : {}), cursor: nextCursor } }} className="mt-4 inline-block text-sm text-brand-accent underline underline-offset-4">
          {t('more')}
        </Link>
      ) : null}
    </div>
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
