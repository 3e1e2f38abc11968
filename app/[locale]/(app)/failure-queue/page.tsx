// Failure queue: runs that failed for good (retries used up or a non-retryable error), to inspect and replay, kept live.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FailureQueueList } from '@/components/runs/failure-queue-list';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { listRuns } from '@/lib/workflows/runs/list-runs';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('runs.failureQueue'))('title') };
}

export default async function FailureQueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/failure-queue');
  const [t, page] = await Promise.all([
    getTranslations('runs.failureQueue'),
    listRuns(await getDb(), scope, { deadLettered: 'true', limit: 100 }),
  ]);
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <FailureQueueList initial={JSON.parse(JSON.stringify(page))} />
    </div>
  );
}
