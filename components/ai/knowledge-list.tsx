// A list of knowledge items: each with its kind, title (linked to where it is read), summary, and for a template a
// link to use it; step types carry an anchor so a link can land on one.
import { useTranslations } from 'next-intl';
import type { KnowledgeItem } from '@/lib/ai/knowledge/list-knowledge';
import { Link } from '@/lib/i18n/navigation';

export function KnowledgeList({
  items,
  label,
  showKind = false,
}: {
  items: KnowledgeItem[];
  label: string;
  showKind?: boolean;
}) {
  const t = useTranslations('help');
  return (
    <ul className="mt-3 grid gap-3 sm:grid-cols-2" aria-label={label}>
      {items.map((item) => (
        <li
          key={`${item.kind}:${item.id}`}
          id={item.kind === 'step' ? `step-${item.id}` : undefined}
          className="scroll-mt-24 rounded-card border border-border p-4 target:border-brand-accent"
          data-testid="knowledge-item"
          data-kind={item.kind}
          data-id={item.id}
        >
          {showKind ? <p className="text-xs text-fg-subtle">{t(`kindLabel.${item.kind}`)}</p> : null}
          <h3 className="font-display text-base font-semibold">
            {item.kind === 'step' ? (
              item.title
            ) : (
              <Link href={item.href} className="underline-offset-4 hover:underline">
                {item.title}
              </Link>
            )}
          </h3>
          <p className="mt-1 text-sm text-fg-muted">{item.summary}</p>
          {item.kind === 'template' ? (
            <Link href={item.href} className="mt-2 inline-block text-sm text-brand-accent underline underline-offset-4">
              {t('useTemplate')}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
