// The public site header: logo, section links, language switcher and the call to action.
import { useTranslations } from 'next-intl';
import { TemplatesNavLink } from '@/components/templates/templates-nav-link';
import { Link } from '@/lib/i18n/navigation';
import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';

export function SiteHeader() {
  const t = useTranslations('nav');
  return (
    <header className="sticky top-0 z-40 border-b border-border/70 bg-surface/80 backdrop-blur supports-[backdrop-filter]:bg-surface/70">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="shrink-0 rounded-md" aria-label="Levqor">
          <Logo />
        </Link>
        <nav aria-label={t('primary')} className="hidden flex-1 md:block">
          <ul className="flex items-center gap-6 text-sm text-fg-muted">
            <li><Link className="hover:text-fg" href="/#features">{t('features')}</Link></li>
            <li><Link className="hover:text-fg" href="/#how-it-works">{t('howItWorks')}</Link></li>
            <li><Link className="hover:text-fg" href="/#for-whom">{t('forWhom')}</Link></li>
            <li><TemplatesNavLink className="hover:text-fg" /></li>
            <li><Link className="hover:text-fg" href="/pricing">{t('pricing')}</Link></li>
          </ul>
        </nav>
        <div className="ms-auto flex items-center gap-3">
          <LanguageSwitcher />
          <Link href="/signin" className="hidden text-sm font-medium text-fg-muted hover:text-fg sm:inline-block">
            {t('signIn')}
          </Link>
          <Link href="/signin" className="hidden rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 shadow-sm hover:opacity-90 sm:inline-block">
            {t('getStarted')}
          </Link>
        </div>
      </div>
    </header>
  );
}
