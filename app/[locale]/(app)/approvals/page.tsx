// Approvals inbox: pending approvals first (soonest to expire first), then recent decisions; owners and admins decide here.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { listApprovals } from '@/lib/workflows/approvals/list-approvals';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('approvals'))('title') };
}

export default async function ApprovalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/approvals');
  const [t, approvals] = await Promise.all([
    getTranslations('approvals'),
    listApprovals(await getDb(), scope, { limit: 100 }),
  ]);
  const waiting = approvals.filter((approval) => approval.status === 'pending').length;
  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      <p className="mt-4 text-sm font-medium" data-testid="approvals-waiting">
        {t('waiting', { count: waiting })}
      </p>
      {approvals.length === 0 ? (
        <p className="mt-8 text-fg-subtle">{t('empty')}</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {approvals.map((approval) => (
            <li key={approval.id}>
              <ApprovalCard approval={approval} canDecide={hasRole(scope, 'admin')} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
