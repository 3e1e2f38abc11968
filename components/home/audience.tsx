// Home: who Levqor is for.
import { useTranslations } from 'next-intl';

const audiences = ['shops', 'agencies', 'services'] as const;

export function Audience() {
  const t = useTranslations('home.audience');
  return (
    <section id="for-whom" className="scroll-mt-20 border-b border-border bg-surface-sunken">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{t('title')}</h2>
        <p className="mt-4 max-w-2xl text-fg-muted">{t('subtitle')}</p>
        <ul className="mt-10 grid gap-5 md:grid-cols-3">
          {audiences.map((key) => (
            <li key={key} className="rounded-card border border-border p-6">
              <h3 className="font-semibold">{t(`${key}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-fg-muted">{t(`${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
