// Home: the six things Levqor does.
import { useTranslations } from 'next-intl';

const items = [
  { key: 'workflows', icon: 'M4 6h10M4 12h16M4 18h7' },
  { key: 'backups', icon: 'M12 3l8 4v5c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V7l8-4z' },
  { key: 'approvals', icon: 'M5 12l4 4L19 6' },
  { key: 'templates', icon: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z' },
  { key: 'builder', icon: 'M4 20l4-1 11-11-3-3L5 16l-1 4z' },
  { key: 'dfy', icon: 'M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5L18 18M6 18l2.5-2.5M15.5 8.5L18 6' },
] as const;

export function Features() {
  const t = useTranslations('home.features');
  return (
    <section id="features" className="scroll-mt-20 border-b border-border">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 className="max-w-2xl font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          {t('title')}
        </h2>
        <p className="mt-4 max-w-2xl text-fg-muted">{t('subtitle')}</p>
        <ul className="mt-12 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {items.map(({ key, icon }) => (
            <li key={key} className="rounded-card border border-border bg-surface-raised p-6">
              <svg
                className="h-6 w-6 text-brand-accent"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
                aria-hidden="true"
              >
                <path d={icon} />
              </svg>
              <h3 className="mt-4 font-semibold">{t(`${key}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-fg-muted">{t(`${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
