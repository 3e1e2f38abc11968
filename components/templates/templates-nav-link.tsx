// The "Templates" link of the public site's header.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export function TemplatesNavLink({ className }: { className?: string }) {
  const t = useTranslations('templates.nav');
  return (
    <Link className={className} href="/templates">
      {t('link')}
    </Link>
  );
}
