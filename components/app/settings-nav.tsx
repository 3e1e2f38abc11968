'use client';
// The settings pages' own navigation: a row of links that wraps on phones, marking the current page.
import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

const pages = [
  { href: '/settings/profile', key: 'profile' },
  { href: '/settings/workspace', key: 'workspace' },
  { href: '/settings/connections', key: 'connections' },
  { href: '/settings/webhooks', key: 'webhooks' },
  { href: '/settings/members', key: 'members' },
  { href: '/settings/api-keys', key: 'apiKeys' },
  { href: '/settings/audit', key: 'auditLog' },
  { href: '/settings/security', key: 'security' },
] as const;

export function SettingsNav({ label }: { label: string }) {
  const t = useTranslations('app');
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-border pb-2">
        {pages.map((page) => {
          const current = pathname === page.href || pathname.startsWith(`${page.href}/`);
          return (
            <li key={page.href}>
              <Link
                href={page.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-lg px-3 py-1.5 text-sm ${current ? 'bg-surface-raised font-semibold text-fg' : 'text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
              >
                {t(page.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
