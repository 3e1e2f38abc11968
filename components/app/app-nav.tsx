'use client';
// The customer app's side navigation, marking the current page: the work first, then settings, billing and help.
import { useTranslations } from 'next-intl';
import { SideNav } from '@/components/nav/side-nav';

/** Workflow pages, listed after the dashboard (labels in the `dashboard.nav` messages). */
const workflowItems = [
  { href: '/workflows', key: 'workflows' },
  { href: '/workflows/templates', key: 'templates' },
  { href: '/runs', key: 'runs' },
  { href: '/approvals', key: 'approvals' },
  { href: '/failure-queue', key: 'failureQueue' },
  { href: '/backups', key: 'backups' },
] as const;

export function AppNav({ label }: { label: string }) {
  const t = useTranslations('app');
  const tw = useTranslations('dashboard.nav');
  const th = useTranslations('help');
  const entries = [
    { href: '/dashboard', label: t('dashboard') },
    ...workflowItems.map((item) => ({ href: item.href, label: tw(item.key) })),
    { href: '/settings', label: t('settings') },
    { href: '/billing', label: t('billing') },
    { href: '/help', label: th('nav') },
  ];
  return <SideNav label={label} entries={entries} />;
}
