// The public template library: every built-in template (and approved community ones), filtered by category.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TemplateCard } from '@/components/templates/template-card';
import { templateView } from '@/components/templates/template-view';
import { getDbOrNull } from '@/db';
import { Link } from '@/lib/i18n/navigation';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';
import { listCatalogTemplates, type TemplateCategory, templateCategories } from '@/lib/templates';
import { listPublicSharedTemplates } from '@/lib/templates/list-public-shared-templates';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ category?: string | string[] }> };

function categoryOf(value: string | string[] | undefined): TemplateCategory | undefined {
  return templateCategories.find((category) => category === value);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const category = categoryOf((await searchParams).category);
  const t = await getTranslations({ locale, namespace: 'templates' });
  const path = category ? `/templates?category=${category}` : '/templates';
  const title = category ? `${t(`categories.${category}.name`)} · ${t('meta.title')}` : t('meta.title');
  return {
    title,
    description: t('meta.description'),
    alternates: { canonical: localizedPath(locale, path), languages: alternateLanguages(path) },
    openGraph: {
      type: 'website',
      siteName: 'Levqor',
      title,
      description: t('meta.description'),
      locale,
      url: localizedPath(locale, path),
    },
  };
}

/** Approved community templates; the library still renders when the database is unreachable. */
async function communityTemplates(category?: TemplateCategory) {
  const db = await getDbOrNull();
  return db ? listPublicSharedTemplates(db, { category, limit: 24 }).catch(() => []) : [];
}

export default async function TemplatesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const category = categoryOf((await searchParams).category);
  const t = await getTranslations('templates');
  const builtin = listCatalogTemplates(category).map((template) => templateView(t, locale, template));
  const community = (await communityTemplates(category)).map((template) => templateView(t, locale, template));
  const filters: { key: TemplateCategory | null; label: string }[] = [
    { key: null, label: t('library.all') },
    ...templateCategories.map((key) => ({ key, label: t(`categories.${key}.name`) })),
  ];

  return (
    <>
      <section className="relative overflow-hidden border-b border-border">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 -top-40 mx-auto h-80 max-w-4xl rounded-full bg-brand-gradient opacity-15 blur-3xl"
        />
        <div className="relative mx-auto max-w-6xl px-4 py-16 sm:px-6 md:py-20">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-accent">{t('library.eyebrow')}</p>
          <h1 className="mt-4 max-w-3xl font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            {t('library.title')}
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-fg-muted text-pretty">{t('library.subtitle')}</p>
        </div>
      </section>
      <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <nav aria-label={t('library.filterLabel')}>
          <ul className="flex flex-wrap gap-2">
            {filters.map(({ key, label }) => {
              const active = (key ?? undefined) === category;
              return (
                <li key={key ?? 'all'}>
                  <Link
                    href={key ? { pathname: '/templates', query: { category: key } } : '/templates'}
                    aria-current={active ? 'page' : undefined}
                    className={`inline-block rounded-full border px-4 py-1.5 text-sm font-medium ${active ? 'border-transparent bg-brand-gradient text-slate-950' : 'border-border-strong text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
                  >
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <section aria-labelledby="templates-heading" className="mt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="templates-heading" className="font-display text-2xl font-semibold">
              {category ? t(`categories.${category}.name`) : t('library.all')}
            </h2>
            <p className="text-sm text-fg-subtle" data-testid="template-count">
              {t('library.count', { count: builtin.length })}
            </p>
          </div>
          {category ? <p className="mt-2 text-fg-muted">{t(`categories.${category}.description`)}</p> : null}
          {builtin.length === 0 ? <p className="mt-8 text-fg-subtle">{t('library.empty')}</p> : null}
          <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {builtin.map((template) => (
              <TemplateCard key={template.slug} template={template} />
            ))}
          </ul>
        </section>
        {community.length > 0 ? (
          <section aria-labelledby="community-heading" className="mt-16">
            <h2 id="community-heading" className="font-display text-2xl font-semibold">
              {t('library.communityTitle')}
            </h2>
            <p className="mt-2 text-fg-muted">{t('library.communitySubtitle')}</p>
            <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              {community.map((template) => (
                <TemplateCard key={template.slug} template={template} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
