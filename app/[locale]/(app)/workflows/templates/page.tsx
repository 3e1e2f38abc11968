// Templates inside the app: the built-in and community catalogue with categories and search; "Use" copies one into
// the workspace the same way the public template page does.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { GalleryFilters } from '@/components/templates/gallery-filters';
import { GalleryUseButton, type GalleryUseLabels } from '@/components/templates/gallery-use-button';
import { TemplateCard } from '@/components/templates/template-card';
import { type TemplateView, templateView } from '@/components/templates/template-view';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { Link } from '@/lib/i18n/navigation';
import { listCatalogTemplates, type TemplateCategory, templateCategories } from '@/lib/templates';
import { listPublicSharedTemplates } from '@/lib/templates/list-public-shared-templates';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ category?: string | string[]; q?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('templates'))('gallery.title') };
}

function matches(template: TemplateView, q: string, locale: string): boolean {
  const words = q.toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  const text = [template.title, template.summary, ...template.apps, ...template.credentials.map((c) => c.connector)]
    .join(' ')
    .toLocaleLowerCase(locale);
  return words.every((word) => text.includes(word));
}

export default async function TemplateGalleryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSessionScope(locale, '/workflows/templates');
  const raw = await searchParams;
  const category = templateCategories.find((key) => key === [raw.category].flat()[0]) as TemplateCategory | undefined;
  const q = ([raw.q].flat()[0] ?? '').trim().slice(0, 120);
  const t = await getTranslations('templates');
  const community = await listPublicSharedTemplates(await getDb(), { category, limit: 24 }).catch(() => []);
  const templates = [...listCatalogTemplates(category), ...community]
    .map((template) => templateView(t, locale, template))
    .filter((template) => !q || matches(template, q, locale));
  const labels: GalleryUseLabels = {
    use: t('gallery.use'),
    using: t('detail.using'),
    errors: {
      forbidden: t('detail.errors.forbidden'),
      limit: t('detail.errors.limit'),
      generic: t('detail.errors.generic'),
    },
  };
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('gallery.title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('gallery.intro')}</p>
      <GalleryFilters category={category} q={q || undefined} />
      <p className="mt-6 text-sm text-fg-subtle" data-testid="template-count" aria-live="polite">
        {t('library.count', { count: templates.length })}
      </p>
      {templates.length === 0 ? (
        <div className="mt-4">
          <EmptyState
            title={t('gallery.emptyTitle')}
            testId="gallery-empty"
            action={
              <>
                <Link href="/workflows/templates" className={buttonClass()}>
                  {t('gallery.showAll')}
                </Link>
                <Link href="/workflows?new=scratch" className={buttonClass()}>
                  {t('gallery.scratch')}
                </Link>
              </>
            }
          >
            {t('gallery.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('gallery.listLabel')}>
          {templates.map((template) => (
            <TemplateCard
              key={template.slug}
              template={template}
              action={<GalleryUseButton slug={template.slug} locale={locale} title={template.title} labels={labels} />}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
