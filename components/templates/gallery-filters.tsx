// The in-app template gallery's category links and search box (a GET form, so filters live in the URL).
import { useTranslations } from 'next-intl';
import { SearchFilters } from '@/components/ui/search-filters';
import { type TemplateCategory, templateCategories } from '@/lib/templates';

export function GalleryFilters({ category, q }: { category?: TemplateCategory; q?: string }) {
  const t = useTranslations('templates');
  return (
    <SearchFilters
      pathname="/workflows/templates"
      param="category"
      value={category}
      q={q}
      filters={[
        { key: null, label: t('library.all') },
        ...templateCategories.map((key) => ({ key, label: t(`categories.${key}.name`) })),
      ]}
      text={{
        formLabel: t('gallery.searchLabel'),
        searchLabel: t('gallery.search'),
        placeholder: t('gallery.searchPlaceholder'),
        submit: t('gallery.searchSubmit'),
        filterLabel: t('library.filterLabel'),
      }}
      maxLength={120}
      testIds={{ search: 'gallery-search' }}
    />
  );
}
