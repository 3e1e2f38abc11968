// The dashboard: the current workspace at a glance.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireSessionScope } from '@/lib/auth/require-session';
import { Link } from '@/lib/i18n/navigation';
import { getWorkspace } from '@/lib/workspaces/get-workspace';
import { listMembers } from '@/lib/workspaces/list-members';

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/dashboard');
  const db = await getDb();
  const [t, workspace, members, keys] = await Promise.all([
    getTranslations('app'),
    getWorkspace(db, scope),
    listMembers(db, scope),
    listApiKeys(db, scope),
  ]);
  const cards = [
    { label: t('members'), value: members.length, href: '/settings/members' },
    { label: t('apiKeys'), value: keys.filter((key) => key.status === 'active').length, href: '/settings/api-keys' },
  ] as const;
  return (
    <div className="max-w-4xl">
      <p className="text-sm text-fg-subtle">{t(`role.${scope.role}`)}</p>
      <h1 className="mt-1 font-display text-3xl font-semibold" data-testid="dashboard-title">
        {t('welcomeTitle', { workspace: workspace.name })}
      </h1>
      <p className="mt-3 max-w-2xl text-fg-muted">{t('welcomeBody')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="block rounded-card border border-border bg-surface-raised p-5 hover:border-border-strong">
              <span className="text-sm text-fg-muted">{card.label}</span>
              <span className="mt-2 block font-display text-3xl font-semibold">{card.value}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
