// The customer app shell: workspace navigation, workspace switcher and sign-out. Private: noindex, signed-in only.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { HelpPanel } from '@/components/ai/help-panel';
import { AppNav } from '@/components/app/app-nav';
import { TimeZoneSync } from '@/components/app/time-zone-sync';
import { WorkspaceSwitcher } from '@/components/app/workspace-switcher';
import { Logo } from '@/components/site/logo';
import { Toaster } from '@/components/ui/toast';
import { LanguageSwitcher } from '@/components/site/language-switcher';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { Link } from '@/lib/i18n/navigation';
import { getRequestTimeZone } from '@/lib/i18n/request-time-zone';
import { listUserWorkspaces } from '@/lib/workspaces/list-workspaces';
import { signOutAction } from './actions';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AppLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/dashboard');
  const [t, workspaces, zone] = await Promise.all([
    getTranslations('app'),
    listUserWorkspaces(await getDb(), scope.user.id),
    getRequestTimeZone(),
  ]);
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <aside className="border-b border-border bg-surface-sunken md:w-64 md:shrink-0 md:border-e md:border-b-0">
        <div className="flex items-center justify-between gap-3 px-4 py-4">
          <Link href="/dashboard" aria-label="Levqor">
            <Logo />
          </Link>
        </div>
        <div className="px-4 pb-4">
          <WorkspaceSwitcher
            workspaces={workspaces.map(({ id, name }) => ({ id, name }))}
            currentId={scope.workspaceId}
            label={t('switchWorkspace')}
          />
        </div>
        <AppNav label={t('navLabel')} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-border px-4 py-3 sm:px-8">
          <Link
            href="/settings/profile"
            className="me-auto text-xs text-fg-subtle underline-offset-2 hover:text-fg hover:underline"
            data-testid="time-zone-note"
          >
            {(await getTranslations('ui.time'))('zoneNote', { zone: zone.timeZone })}
          </Link>
          <span className="hidden text-sm text-fg-subtle sm:inline" data-testid="signed-in-email">
            {scope.user.email}
          </span>
          <HelpPanel />
          <LanguageSwitcher />
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised"
            >
              {(await getTranslations('auth'))('signOut')}
            </button>
          </form>
        </header>
        <main id="main" className="flex-1 px-4 py-8 sm:px-8">
          {children}
        </main>
      </div>
      <TimeZoneSync refresh={zone.source !== 'profile'} />
      <Toaster dismissLabel={(await getTranslations('ui'))('dismiss')} />
    </div>
  );
}
