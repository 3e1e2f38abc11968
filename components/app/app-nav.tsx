'use client';
// The customer app's side navigation, marking the current page.
import { useTranslations } from 'next-intl';
import { SideNav } from '@/components/nav/side-nav';

const items = [
  { href: '/dashboard', key: 'dashboard' },
  { href: '/settings/api-keys', key: 'apiKeys' },
  { href: '/settings/members', key: 'members' },
  { href: '/settings/audit', key: 'auditLog' },
  { href: '/settings/security', key: 'security' },
  { href: '/billing', key: 'billing' },
] as const;

/** Workflow pages, listed after the dashboard (labels in the `dashboard.nav` messages). */
const workflowItems = [
  { href: '/workflows', key: 'workflows' },
  { href: '/runs', key: 'runs' },
  { href: '/approvals', key: 'approvals' },
  { href: '/failure-queue', key: 'failureQueue' },
  { href: '/backups', key: 'backups' },
] as const;

export function AppNav({ label }: { label: string }) {
  const t = useTranslations('app');
  const tw = useTranslations('dashboard.nav');
  const [first, ...rest] = items;
  const entries = [
    { href: first.href, label: t(first.key) },
    ...workflowItems.map((item) => ({ href: item.href, label: tw(item.key) })),
    ...rest.map((item) => ({ href: item.href, label: t(item.key) })),
  ];
  return <SideNav label={label} entries={entries} />;
}
