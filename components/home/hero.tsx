// Home hero: what Levqor does, for whom, and the two calls to action.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { RunPreview } from './run-preview';

export function Hero() {
  const t = useTranslations('home.hero');
  return (
    <section className="relative overflow-hidden border-b border-border">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 mx-auto h-96 max-w-4xl rounded-full bg-brand-gradient opacity-20 blur-3xl"
      />
      <div className="relative mx-auto grid max-w-6xl items-center gap-12 px-4 py-20 sm:px-6 md:py-28 lg:grid-cols-[1.1fr_0.9fr]">
        <div>
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-accent">{t('eyebrow')}</p>
          <h1 className="mt-4 font-display text-4xl font-semibold leading-tight tracking-tight text-balance sm:text-5xl lg:text-6xl">
            {t('title')} <span className="text-gradient">{t('titleHighlight')}</span>
          </h1>
          <p className="mt-6 max-w-xl text-lg text-fg-muted text-pretty">{t('subtitle')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/signin"
              className="rounded-xl bg-brand-gradient px-6 py-3 font-semibold text-slate-950 shadow-lg shadow-brand/20 hover:opacity-90"
            >
              {t('primaryCta')}
            </Link>
            <a
              href="#how-it-works"
              className="rounded-xl border border-border-strong px-6 py-3 font-semibold text-fg hover:bg-surface-raised"
            >
              {t('secondaryCta')}
            </a>
          </div>
          <p className="mt-5 text-sm text-fg-subtle">{t('note')}</p>
        </div>
        <RunPreview />
      </div>
    </section>
  );
}
