// The getting-started guide, server-rendered HTML from our own Markdown (no client JS), with its contents list.
import { useTranslations } from 'next-intl';
import { loadGuide } from './render-guide';

const PROSE = [
  'min-w-0 text-fg-muted leading-relaxed',
  '[&_h3]:mt-12 [&_h3]:scroll-mt-24 [&_h3]:font-display [&_h3]:text-2xl [&_h3]:font-semibold [&_h3]:text-fg',
  '[&_h4]:mt-8 [&_h4]:scroll-mt-24 [&_h4]:text-lg [&_h4]:font-semibold [&_h4]:text-fg',
  '[&_h3_a]:text-fg [&_h3_a]:no-underline [&_h4_a]:text-fg [&_h4_a]:no-underline [&_h3_a:hover]:text-brand-accent',
  '[&_p]:mt-4 [&_ul]:mt-4 [&_ul]:list-disc [&_ul]:ps-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:ps-6 [&_li]:mt-1.5',
  '[&_strong]:text-fg [&_a]:text-brand-accent [&_a]:underline [&_a]:underline-offset-2',
  '[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-surface-raised [&_:not(pre)>code]:px-1.5',
  '[&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:text-[0.9em] [&_:not(pre)>code]:text-fg [&_code]:font-mono',
  '[&_:not(pre)>code]:break-words',
  '[&_pre]:mt-4 [&_pre]:overflow-x-auto [&_pre]:rounded-card [&_pre]:border [&_pre]:border-border',
  '[&_pre]:bg-surface-sunken [&_pre]:p-4 [&_pre]:text-sm [&_pre]:leading-6 [&_pre]:text-slate-200',
].join(' ');

export function ApiGuide({ englishOnlyNote }: { englishOnlyNote: boolean }) {
  const t = useTranslations('docsApi');
  const guide = loadGuide('api-getting-started');
  return (
    <div className="grid gap-10 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label={t('sections')} className="lg:sticky lg:top-24 lg:self-start">
        <h2 className="text-sm font-semibold text-fg">{t('sections')}</h2>
        <ul className="mt-3 space-y-2 text-sm text-fg-subtle" lang="en" dir="ltr" data-testid="guide-contents">
          {guide.headings
            .filter((heading) => heading.depth === 2)
            .map((heading) => (
              <li key={heading.id}>
                <a className="hover:text-fg" href={`#${heading.id}`}>
                  {heading.text}
                </a>
              </li>
            ))}
          <li>
            <a className="hover:text-fg" href="#reference">
              {t('referenceTitle')}
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0">
        {englishOnlyNote ? (
          <p
            className="mb-6 rounded-card border border-border p-3 text-sm text-fg-subtle"
            data-testid="guide-english-only"
          >
            {t('englishOnly')}
          </p>
        ) : null}
        <article lang="en" dir="ltr" data-testid="api-guide">
          <h2 className="font-display text-3xl font-semibold text-fg">{guide.title}</h2>
          <div className={PROSE} dangerouslySetInnerHTML={{ __html: guide.html }} />
        </article>
      </div>
    </div>
  );
}
