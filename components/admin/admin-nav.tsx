'use client';
// The admin side navigation, marking the current page.
import { useTranslations } from 'next-intl';
import { SideNav } from '@/components/nav/side-nav';

const items = [
  { href: '/admin', key: 'health' },
  { href: '/admin/guardian', key: 'guardian' },
  { href: '/admin/power', key: 'power' },
  { href: '/admin/tenants', key: 'tenants' },
  { href: '/admin/audit', key: 'audit' },
] as const;

export function AdminNav({ label }: { label: string }) {
  const t = useTranslations('admin.nav');
  return <SideNav label={label} exact entries={items.map((item) => ({ href: item.href, label: t(item.key) }))} />;
}
