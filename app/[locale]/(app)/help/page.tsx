// The knowledge browser: search the help (results rendered on the server, `?q=`), or browse articles, templates and
// step types (`?kind=`).
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { KnowledgeFilters, knowledgeKinds } from '@/components/ai/knowledge-filters';
import { KnowledgeList } from '@/components/ai/knowledge-list';
import { EmptyState } from '@/components/ui/empty-state';
import { listKnowledge } from '@/lib/ai/knowledge/list-knowledge';
import { searchKnowledge } from '@/lib/ai/knowledge/search-knowledge';
import { requireSessionScope } from '@/lib/auth/require-session';
import type { Locale } from '@/lib/i18n/locales';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[]; kind?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('help'))('title') };
}

export default async function HelpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSessionScope(locale, '/help');
  const raw = await searchParams;
  const kind = knowledgeKinds.find((key) => key === [raw.kind].flat()[0]);
  const q = ([raw.q].flat()[0] ?? '').trim().slice(0, 200);
  const t = await getTranslations('help');
  const items = await listKnowledge(locale as Locale);
  const hits = q ? await searchKnowledge(locale as Locale, q, { kind, limit: 30 }) : [];
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-fg-muted">{t('intro')}</p>
      <KnowledgeFilters kind={kind} q={q || undefined} />
      {q ? (
        <section className="mt-8" aria-labelledby="knowledge-results">
          <h2
            id="knowledge-results"
            className="text-sm text-fg-subtle"
            aria-live="polite"
            data-testid="knowledge-count"
          >
            {t('results', { count: hits.length, query: q })}
          </h2>
          {hits.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={t('results', { count: 0, query: q })} testId="knowledge-empty">
                {t('noResultsHint')}
              </EmptyState>
            </div>
          ) : (
            <KnowledgeList items={hits} label={t('results', { count: hits.length, query: q })} showKind />
          )}
        </section>
      ) : (
        (kind ? [kind] : knowledgeKinds).map((key) => (
          <section key={key} className="mt-10" aria-labelledby={`knowledge-${key}`}>
            <h2 id={`knowledge-${key}`} className="font-display text-xl font-semibold">
              {t(`kinds.${key}`)}
            </h2>
            <KnowledgeList items={items.filter((item) => item.kind === key)} label={t(`kinds.${key}`)} />
          </section>
        ))
      )}
    </div>
  );
}
