// Home: the closing call to action.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export function CallToAction() {
  const t = useTranslations('home.cta');
  return (
    <section id="get-started" className="scroll-mt-20">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <div className="rounded-3xl bg-brand-gradient p-px">
          <div className="rounded-3xl bg-surface-raised px-8 py-14 text-center">
            <h2 className="font-display text-3xl font-semibold tracking-tight sm:text-4xl">{t('title')}</h2>
            <p className="mx-auto mt-4 max-w-xl text-fg-muted">{t('body')}</p>
            <Link
              href="/signin"
              className="mt-8 inline-block rounded-xl bg-brand-gradient px-6 py-3 font-semibold text-slate-950 hover:opacity-90"
            >
              {t('button')}
            </Link>
          </div>
        </div>
      </div>
    </section>
  );
}
