'use client';
// A side navigation of links that marks the current page (the customer app's and the admin pages').
import { Link, usePathname } from '@/lib/i18n/navigation';

export type SideNavEntry = { href: string; label: string };

/** `exact`: only the link's own page is current (for a section's index, e.g. `/admin`); otherwise its sub-pages too,
 * unless a longer entry matches (`/workflows/templates` is current there, not `/workflows`). */
export function SideNav({
  label,
  entries,
  exact = false,
}: {
  label: string;
  entries: readonly SideNavEntry[];
  exact?: boolean;
}) {
  const pathname = usePathname();
  const matches = (href: string) => pathname === href || (!exact && pathname.startsWith(`${href}/`));
  const currentHref = entries
    .filter((item) => matches(item.href))
    .reduce<string | null>((best, item) => (best && best.length >= item.href.length ? best : item.href), null);
  return (
    <nav aria-label={label} className="px-2 pb-4">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {entries.map((item) => {
          const current = item.href === currentHref;
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
