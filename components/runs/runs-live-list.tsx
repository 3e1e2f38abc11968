'use client';
// The runs list, kept live: polls GET /api/runs with the page's filters and cursor, starting from the server-rendered
// page, and politely announces runs that appear while it is open.
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import type { RunDto } from '@/lib/workflows/runs/run-dto';
import { RunsTable } from './runs-table';
import type { Serialized } from './run-view';
import { useLiveList } from './use-live-list';

type Page = { runs: Serialized<RunDto>[]; nextCursor: string | null };

export function RunsLiveList({
  apiQuery,
  initial,
  kept,
}: {
  /** The list route's query string for the current filters and cursor. */
  apiQuery: string;
  initial: Page;
  /** The page's own filters (without the cursor), for the "older runs" link. */
  kept: Record<string, string>;
}) {
  const t = useTranslations('runs');
  const { data, fresh } = useLiveList<Page, Serialized<RunDto>>(`/api/runs?${apiQuery}`, initial, (page) => page.runs);
  const filtered = Object.keys(kept).length > 0;
  return (
    <div className="relative mt-6">
      <p role="status" aria-live="polite" className="sr-only" data-testid="runs-live-status">
        {fresh > 0 ? t('live.newRuns', { count: fresh }) : ''}
      </p>
      {data.runs.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('noMatch')}
            action={
              <Link href="/runs" className={buttonClass({ variant: 'secondary' })}>
                {t('emptyState.clear')}
              </Link>
            }
          >
            {t('emptyState.noMatchBody')}
          </EmptyState>
        ) : (
          <EmptyState
            title={t('emptyState.title')}
            action={
              <Link href="/workflows" className={buttonClass({ variant: 'primary' })}>
                {t('emptyState.action')}
              </Link>
            }
          >
            {t('emptyState.body')}
          </EmptyState>
        )
      ) : (
        <RunsTable runs={data.runs} label={t('title')} />
      )}
      {data.nextCursor ? (
        <Link
          href={{ pathname: '/runs', query: { ...kept, cursor: data.nextCursor } }}
          className="mt-4 inline-block text-sm text-brand-accent underline underline-offset-4"
        >
          {t('older')}
        </Link>
      ) : null}
    </div>
  );
}
