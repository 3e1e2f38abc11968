// Runs: every run of the workspace, newest first, filtered by status, workflow and date (all in the URL), kept live.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { type RunFilterValues, RunFilters } from '@/components/runs/run-filters';
import { RunsLiveList } from '@/components/runs/runs-live-list';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { listWorkflows } from '@/lib/workflows/list-workflows';
import { listRuns } from '@/lib/workflows/runs/list-runs';
import { runsPageFiltersSchema } from '@/lib/workflows/runs/schemas';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('runs'))('title') };
}

/** The day after `date` (YYYY-MM-DD), so "to" includes the whole day. */
function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export default async function RunsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/runs');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [
      key,
      (Array.isArray(value) ? value[0] : value) || undefined,
    ]),
  );
  const filters = runsPageFiltersSchema.parse(raw);
  const db = await getDb();
  const query = {
    status: filters.status,
    workflowId: filters.workflowId,
    from: filters.from ? `${filters.from}T00:00:00Z` : undefined,
    to: filters.to ? nextDay(filters.to) : undefined,
    cursor: filters.cursor,
  };
  const [t, page, { workflows }] = await Promise.all([
    getTranslations('runs'),
    listRuns(db, scope, query),
    listWorkflows(db, scope, { limit: 100 }),
  ]);
  const apiQuery = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  const values: RunFilterValues = {
    status: filters.status,
    workflowId: filters.workflowId,
    from: filters.from,
    to: filters.to,
  };
  const kept = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <RunFilters values={values} workflows={workflows.map(({ id, name }) => ({ id, name }))} />
      <RunsLiveList apiQuery={apiQuery} initial={JSON.parse(JSON.stringify(page))} kept={kept} />
    </div>
  );
}
