'use client';
// The customer app's side navigation, marking the current page.
import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

const items = [
  { href: '/dashboard', key: 'dashboard' },
  { href: '/settings/api-keys', key: 'apiKeys' },
  { href: '/settings/members', key: 'members' },
  { href: '/settings/audit', key: 'auditLog' },
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
  const pathname = usePathname();
  const [first, ...rest] = items;
  const entries = [
    { href: first.href, label: t(first.key) },
    ...workflowItems.map((item) => ({ href: item.href, label: tw(item.key) })),
    ...rest.map((item) => ({ href: item.href, label: t(item.key) })),
  ];
  return (
    <nav aria-label={label} className="px-2 pb-4">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {entries.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-lg px-3 py-2 text-sm ${current ? 'bg-surface-raised font-semibold text-fg' : 'text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
