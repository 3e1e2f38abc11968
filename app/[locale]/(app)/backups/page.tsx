// Backups: the workspace's snapshots across workflows (size, checksum, verification), to verify, download or restore.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SnapshotsTable } from '@/components/backups/snapshots-table';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { listSnapshots } from '@/lib/backups/list-snapshots';
import { Link } from '@/lib/i18n/navigation';
import { AppError } from '@/lib/errors';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backups'))('title') };
}

export default async function BackupsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/backups');
  const { cursor: rawCursor } = await searchParams;
  const cursor = (Array.isArray(rawCursor) ? rawCursor[0] : rawCursor) || undefined;
  const db = await getDb();
  // NOTE: a cursor that does not decode (edited by hand) shows the first page rather than an error.
  const list = listSnapshots(db, scope, { cursor, limit: 50 }).catch((error: unknown) => {
    if (cursor && error instanceof AppError && error.code === 'bad_request')
      return listSnapshots(db, scope, { limit: 50 });
    throw error;
  });
  const [t, page] = await Promise.all([getTranslations('backups'), list]);
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <div className="mt-6">
        {page.data.length === 0 ? (
          <EmptyState
            title={t('emptyState.title')}
            testId="backups-empty"
            action={
              <>
                <Link href="/workflows/templates?category=backups" className={buttonClass({ variant: 'primary' })}>
                  {t('emptyState.templates')}
                </Link>
                <Link href="/workflows" className={buttonClass()}>
                  {t('emptyState.workflows')}
                </Link>
              </>
            }
          >
            {t('empty')}
          </EmptyState>
        ) : (
          <SnapshotsTable snapshots={page.data} />
        )}
      </div>
      {page.nextCursor ? (
        <Link
          href={{ pathname: '/backups', query: { cursor: page.nextCursor } }}
          className="mt-4 inline-block text-sm text-brand-accent underline underline-offset-4"
        >
          {t('older')}
        </Link>
      ) : null}
    </div>
  );
}
