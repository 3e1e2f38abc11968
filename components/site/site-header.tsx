// The public site header: logo, section links, language switcher and the call to action; below `md` the links live
// in a menu (only its toggle, and the account links that depend on the session, run in the browser).
import { useTranslations } from 'next-intl';
import { TemplatesNavLink } from '@/components/templates/templates-nav-link';
import { Link } from '@/lib/i18n/navigation';
import { AccountLinks } from './account-links';
import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';

function SectionLinks({ linkClassName }: { linkClassName: string }) {
  const t = useTranslations('nav');
  return (
    <>
      <li>
        <Link className={linkClassName} href="/#features">
          {t('features')}
        </Link>
      </li>
      <li>
        <Link className={linkClassName} href="/#how-it-works">
          {t('howItWorks')}
        </Link>
      </li>
      <li>
        <Link className={linkClassName} href="/#for-whom">
          {t('forWhom')}
        </Link>
      </li>
      <li>
        <TemplatesNavLink className={linkClassName} />
      </li>
      <li>
        <Link className={linkClassName} href="/pricing">
          {t('pricing')}
        </Link>
      </li>
    </>
  );
}

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
            <SectionLinks linkClassName="hover:text-fg" />
          </ul>
        </nav>
        <div className="ms-auto flex items-center gap-3">
          <LanguageSwitcher />
          <div className="hidden sm:block">
            <AccountLinks />
          </div>
          <MobileMenu label={t('menu')}>
            <nav aria-label={t('primary')}>
              <ul className="flex flex-col text-base text-fg-muted">
                <SectionLinks linkClassName="block rounded-lg px-2 py-3 hover:bg-surface-raised hover:text-fg" />
              </ul>
            </nav>
            <div className="mt-4 border-t border-border pt-4 sm:hidden">
              <AccountLinks stacked />
            </div>
          </MobileMenu>
        </div>
      </div>
    </header>
  );
}
