// The in-app template gallery's category links and search box (a GET form, so filters live in the URL).
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { Link } from '@/lib/i18n/navigation';
import { type TemplateCategory, templateCategories } from '@/lib/templates';

export function GalleryFilters({ category, q }: { category?: TemplateCategory; q?: string }) {
  const t = useTranslations('templates');
  const filters: { key: TemplateCategory | null; label: string }[] = [
    { key: null, label: t('library.all') },
    ...templateCategories.map((key) => ({ key, label: t(`categories.${key}.name`) })),
  ];
  return (
    <div className="mt-6 space-y-4">
      <form method="get" role="search" aria-label={t('gallery.searchLabel')} className="flex flex-wrap items-end gap-2">
        {category ? <input type="hidden" name="category" value={category} /> : null}
        <label className="w-72 max-w-full text-sm font-medium">
          {t('gallery.search')}
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={120}
            placeholder={t('gallery.searchPlaceholder')}
            className={`mt-1 block ${inputClass}`}
            data-testid="gallery-search"
          />
        </label>
        <button type="submit" className={buttonClass()}>
          {t('gallery.searchSubmit')}
        </button>
      </form>
      <nav aria-label={t('library.filterLabel')}>
        <ul className="flex flex-wrap gap-2">
          {filters.map(({ key, label }) => {
            const active = (key ?? undefined) === category;
            const query = { ...(key ? { category: key } : {}), ...(q ? { q } : {}) };
            return (
              <li key={key ?? 'all'}>
                <Link
                  href={{ pathname: '/workflows/templates', query }}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${active ? 'border-transparent bg-brand-gradient text-slate-950' : 'border-border-strong text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
