// One template in the library: category, title, summary, trigger and what it connects to.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { TemplateView } from './template-view';

/** `action`: a control below the card's text (e.g. "Use" in the app's gallery), kept clickable above the card link. */
export function TemplateCard({ template, action }: { template: TemplateView; action?: ReactNode }) {
  const t = useTranslations('templates');
  const tools = [...new Set([...template.apps, ...template.credentials.map((credential) => credential.connector)])];
  return (
    <li
      className="group relative flex flex-col rounded-card border border-border bg-surface-raised p-6 transition-colors focus-within:ring-2 focus-within:ring-brand-accent hover:border-border-strong"
      data-testid="template-card"
    >
      <p className="text-xs font-semibold uppercase tracking-widest text-brand-accent">
        {template.community
          ? t('detail.community')
          : template.category
            ? t(`categories.${template.category}.name`)
            : null}
      </p>
      <h3 className="mt-3 font-semibold text-fg text-balance">
        {/* NOTE: the link's ::after covers the card, so the whole card is one click target and one tab stop. */}
        <Link
          href={`/templates/${template.slug}`}
          className="after:absolute after:inset-0 after:rounded-card focus-visible:outline-none"
        >
          {template.title}
        </Link>
      </h3>
      <p className="mt-2 flex-1 text-sm leading-relaxed text-fg-muted">{template.summary}</p>
      <dl className="mt-5 space-y-2 text-xs text-fg-subtle">
        <div className="flex gap-2">
          <dt className="sr-only">{t('detail.trigger')}</dt>
          <dd>{template.trigger}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="sr-only">{t('detail.steps')}</dt>
          <dd>{t('library.steps', { count: template.steps.length })}</dd>
        </div>
      </dl>
      {tools.length > 0 ? (
        <ul className="mt-4 flex flex-wrap gap-2" aria-label={t('detail.apps')}>
          {tools.map((tool) => (
            <li key={tool} className="rounded-full border border-border-strong px-2.5 py-0.5 text-xs text-fg-muted">
              {tool}
            </li>
          ))}
        </ul>
      ) : null}
      {action ? <div className="relative z-10 mt-5">{action}</div> : null}
    </li>
  );
}
