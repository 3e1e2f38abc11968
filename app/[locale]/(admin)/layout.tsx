// The admin shell: operator navigation, the launch stage and sign-out. Platform admins only (others get 404); noindex.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/[locale]/(app)/actions';
import { AdminNav } from '@/components/admin/admin-nav';
import { Logo } from '@/components/site/logo';
import { LanguageSwitcher } from '@/components/site/language-switcher';
import { getLaunchStage } from '@/lib/admin/launch-stage';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { Link } from '@/lib/i18n/navigation';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireAdminPage(locale, '/admin');
  const [t, tAuth] = await Promise.all([getTranslations('admin'), getTranslations('auth')]);
  const stage = getLaunchStage();
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <aside className="border-b border-border bg-surface-sunken md:w-64 md:shrink-0 md:border-e md:border-b-0">
        <div className="flex items-center gap-3 px-4 py-4">
          <Link href="/admin" aria-label="Levqor">
            <Logo />
          </Link>
          <span className="rounded-full border border-brand/50 px-2 py-0.5 text-xs font-medium text-fg-muted">
            {t('badge')}
          </span>
        </div>
        <AdminNav label={t('navLabel')} />
        <div className="px-4 pb-4">
          <Link href="/dashboard" className="text-sm text-fg-subtle underline-offset-4 hover:text-fg hover:underline">
            {t('backToApp')}
          </Link>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-border px-4 py-3 sm:px-8">
          <span
            data-testid="launch-stage"
            className={`rounded-full px-2.5 py-1 text-xs font-medium ${stage.stage === 'pre-launch' ? 'bg-warning/10 text-warning' : 'bg-success/10 text-success'}`}
          >
            {t(`stage.${stage.stage}`)}
          </span>
          <span className="hidden text-sm text-fg-subtle sm:inline" data-testid="signed-in-email">
            {user.email}
          </span>
          <LanguageSwitcher />
          <form action={signOutAction}>
            <button type="submit" className={buttonClass({ size: 'sm' })}>
              {tAuth('signOut')}
            </button>
          </form>
        </header>
        <main id="main" className="flex-1 px-4 py-8 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
