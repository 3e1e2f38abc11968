// The public site footer.
import { useTranslations } from 'next-intl';
import { TemplatesNavLink } from '@/components/templates/templates-nav-link';
import { Link } from '@/lib/i18n/navigation';
import { Logo } from './logo';

export function SiteFooter() {
  const t = useTranslations('footer');
  const nav = useTranslations('nav');
  return (
    <footer className="border-t border-border bg-surface-sunken">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-3">
        <div>
          <Logo />
          <p className="mt-3 max-w-xs text-sm text-fg-subtle">{t('tagline')}</p>
        </div>
        <nav aria-label={t('product')}>
          <h2 className="text-sm font-semibold text-fg">{t('product')}</h2>
          <ul className="mt-3 space-y-2 text-sm text-fg-subtle">
            <li>
              <Link className="hover:text-fg" href="/#features">
                {nav('features')}
              </Link>
            </li>
            <li>
              <Link className="hover:text-fg" href="/#how-it-works">
                {nav('howItWorks')}
              </Link>
            </li>
            <li>
              <Link className="hover:text-fg" href="/#for-whom">
                {nav('forWhom')}
              </Link>
            </li>
            <li>
              <TemplatesNavLink className="hover:text-fg" />
            </li>
            <li>
              <Link className="hover:text-fg" href="/pricing">
                {nav('pricing')}
              </Link>
            </li>
            <li>
              <Link className="hover:text-fg" href="/docs/api">
                {t('apiDocs')}
              </Link>
            </li>
            <li>
              <Link className="hover:text-fg" href="/signin">
                {nav('signIn')}
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('company')}>
          <h2 className="text-sm font-semibold text-fg">{t('company')}</h2>
          <ul className="mt-3 space-y-2 text-sm text-fg-subtle">
            <li>
              <a className="hover:text-fg" href="/.well-known/security.txt">
                {t('security')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-border px-4 py-6 text-center text-xs text-fg-subtle">
        {t('rights', { year: new Date().getFullYear() })}
      </p>
    </footer>
  );
}
