// One help article: its title, summary and text, and the help most related to it.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { KnowledgeList } from '@/components/ai/knowledge-list';
import { isHelpArticleSlug } from '@/lib/ai/knowledge/help-articles';
import { listKnowledge } from '@/lib/ai/knowledge/list-knowledge';
import { searchKnowledge } from '@/lib/ai/knowledge/search-knowledge';
import { requireSessionScope } from '@/lib/auth/require-session';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string; slug: string }> };

async function findArticle(locale: string, slug: string) {
  if (!isHelpArticleSlug(slug)) return null;
  return (await listKnowledge(locale as Locale)).find((item) => item.kind === 'doc' && item.id === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const article = await findArticle(locale, slug);
  return { title: article?.title ?? (await getTranslations('help'))('title') };
}

export default async function HelpArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  await requireSessionScope(locale, `/help/${slug}`);
  const article = await findArticle(locale, slug);
  if (!article) notFound();
  const t = await getTranslations('help');
  const related = (await searchKnowledge(locale as Locale, article.title, { limit: 5 }))
    .filter((item) => item.id !== article.id)
    .slice(0, 4);
  return (
    <article className="max-w-3xl" data-testid="help-article">
      <Link href="/help" className="text-sm text-fg-muted underline-offset-4 hover:underline">
        {t('allHelp')}
      </Link>
      <h1 className="mt-3 font-display text-3xl font-semibold">{article.title}</h1>
      <p className="mt-2 text-lg text-fg-muted">{article.summary}</p>
      <div className="mt-6 space-y-4 leading-relaxed">
        {article.body.split('\n').map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {related.length > 0 ? (
        <section className="mt-10" aria-labelledby="help-related">
          <h2 id="help-related" className="font-display text-xl font-semibold">
            {t('related')}
          </h2>
          <KnowledgeList items={related} label={t('related')} showKind />
        </section>
      ) : null}
    </article>
  );
}
