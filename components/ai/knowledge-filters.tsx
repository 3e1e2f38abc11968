// The knowledge browser's search box and kind links (a GET form and plain links, so the search lives in the URL).
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { KnowledgeKind } from '@/lib/ai/knowledge/list-knowledge';
import { Link } from '@/lib/i18n/navigation';

export const knowledgeKinds: readonly KnowledgeKind[] = ['doc', 'template', 'step'];

export function KnowledgeFilters({ kind, q }: { kind?: KnowledgeKind; q?: string }) {
  const t = useTranslations('help');
  const filters = [
    { key: null, label: t('kinds.all') },
    ...knowledgeKinds.map((key) => ({ key, label: t(`kinds.${key}`) })),
  ];
  return (
    <div className="mt-6 space-y-4">
      <form method="get" role="search" aria-label={t('searchLabel')} className="flex flex-wrap items-end gap-2">
        {kind ? <input type="hidden" name="kind" value={kind} /> : null}
        <label className="w-96 max-w-full text-sm font-medium">
          {t('searchLabel')}
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            placeholder={t('searchPlaceholder')}
            className={`mt-1 block ${inputClass}`}
            data-testid="knowledge-search"
          />
        </label>
        <button type="submit" className={buttonClass()} data-testid="knowledge-search-submit">
          {t('searchButton')}
        </button>
      </form>
      <nav aria-label={t('kindFilter')}>
        <ul className="flex flex-wrap gap-2">
          {filters.map(({ key, label }) => {
            const active = (key ?? undefined) === kind;
            const query = { ...(key ? { kind: key } : {}), ...(q ? { q } : {}) };
            return (
              <li key={key ?? 'all'}>
                <Link
                  href={{ pathname: '/help', query }}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${active ? 'border-transparent bg-brand-gradient text-slate-950' : 'border-border-strong text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
                  data-testid="knowledge-kind"
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
