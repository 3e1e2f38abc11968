'use client';
// The admin side navigation, marking the current page.
import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

const items = [
  { href: '/admin', key: 'health' },
  { href: '/admin/guardian', key: 'guardian' },
  { href: '/admin/power', key: 'power' },
  { href: '/admin/tenants', key: 'tenants' },
  { href: '/admin/audit', key: 'audit' },
] as const;

export function AdminNav({ label }: { label: string }) {
  const t = useTranslations('admin.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="px-2 pb-4">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-lg px-3 py-2 text-sm ${current ? 'bg-surface-raised font-semibold text-fg' : 'text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
