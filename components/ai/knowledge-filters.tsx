// The knowledge browser's search box and kind links (a GET form and plain links, so the search lives in the URL).
import { useTranslations } from 'next-intl';
import { SearchFilters } from '@/components/ui/search-filters';
import type { KnowledgeKind } from '@/lib/ai/knowledge/list-knowledge';

export const knowledgeKinds: readonly KnowledgeKind[] = ['doc', 'template', 'step'];

export function KnowledgeFilters({ kind, q }: { kind?: KnowledgeKind; q?: string }) {
  const t = useTranslations('help');
  return (
    <SearchFilters
      pathname="/help"
      param="kind"
      value={kind}
      q={q}
      filters={[
        { key: null, label: t('kinds.all') },
        ...knowledgeKinds.map((key) => ({ key, label: t(`kinds.${key}`) })),
      ]}
      text={{
        formLabel: t('searchLabel'),
        searchLabel: t('searchLabel'),
        placeholder: t('searchPlaceholder'),
        submit: t('searchButton'),
        filterLabel: t('kindFilter'),
      }}
      maxLength={200}
      testIds={{ search: 'knowledge-search', submit: 'knowledge-search-submit', filter: 'knowledge-kind' }}
    />
  );
}
