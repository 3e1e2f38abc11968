// Approvals inbox: pending approvals first (soonest to expire first), then recent decisions; approvers decide here.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApprovalsLiveList } from '@/components/approvals/approvals-live-list';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { listApprovals } from '@/lib/workflows/approvals/list-approvals';
import { canDecideApprovals, getApprovers } from '@/lib/workspaces/approvers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('approvals'))('title') };
}

export default async function ApprovalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/approvals');
  const db = await getDb();
  const [t, approvals, approvers] = await Promise.all([
    getTranslations('approvals'),
    listApprovals(db, scope, { limit: 100 }),
    getApprovers(db, scope.workspaceId),
  ]);
  const canDecide = canDecideApprovals(scope.role, approvers);
  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      <ApprovalsLiveList initial={JSON.parse(JSON.stringify(approvals))} canDecide={canDecide} />
    </div>
  );
}
