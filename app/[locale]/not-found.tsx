// The localised not-found page.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <section className="mx-auto max-w-xl px-6 py-32 text-center">
      <h1 className="font-display text-4xl font-semibold">{t('title')}</h1>
      <p className="mt-4 text-fg-muted">{t('body')}</p>
      <Link href="/" className="mt-8 inline-block text-brand-accent underline underline-offset-4">
        {t('home')}
      </Link>
    </section>
  );
}
