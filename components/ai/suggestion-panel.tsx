'use client';
// Suggestions for workflows: what to improve and why, a one-click change (saved as a new version with expectedVersion,
// or a new alert workflow), a link where only the user can act, and Dismiss (remembered in this browser).
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { Suggestion } from '@/lib/ai/suggestions/suggestion-rules';
import { callApi } from '@/lib/client/call-api';
import { Link, useRouter } from '@/lib/i18n/navigation';

const STORAGE_KEY = 'levqor.dismissedSuggestions';
const DASHBOARD_SHOWN = 3;

const CHANGED = 'levqor:suggestions-dismissed';

function parseDismissed(raw: string): string[] {
  try {
    const stored: unknown = JSON.parse(raw);
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The dismissed ids as stored (a string, so the snapshot is stable); none on the server. */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}
const storedDismissed = () => window.localStorage.getItem(STORAGE_KEY) ?? '[]';

/** `dashboard`: the top few of every workflow, each naming its workflow; `workflow`: one workflow's. */
type Props = { suggestions: Suggestion[]; place: 'dashboard' | 'workflow' };

export function SuggestionPanel({ suggestions, place }: Props) {
  const t = useTranslations('ai.suggestions');
  const showWorkflow = place === 'dashboard';
  const testId = `${place}-suggestions`;
  const router = useRouter();
  const dismissed = parseDismissed(useSyncExternalStore(subscribe, storedDismissed, () => '[]'));
  const [pending, setPending] = useState<string | null>(null);
  const visible = suggestions
    .filter((suggestion) => !dismissed.includes(suggestion.id))
    .slice(0, place === 'dashboard' ? DASHBOARD_SHOWN : undefined);
  if (visible.length === 0) return null;

  function dismiss(id: string) {
    const next = [...new Set([...parseDismissed(storedDismissed()), id])].slice(-500);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGED));
  }

  async function apply(suggestion: Suggestion) {
    setPending(suggestion.id);
    if (suggestion.change) {
      const { definition, baseVersion } = suggestion.change;
      const result = await callApi<{ currentVersion: number }>(`/api/workflows/${suggestion.workflowId}`, {
        method: 'PUT',
        json: { definition, expectedVersion: baseVersion },
      });
      setPending(null);
      if (!result.ok) return toast(result.status === 409 ? t('conflict') : t('failed'), 'error');
      toast(t('applied', { version: result.data.currentVersion }));
      return router.refresh();
    }
    const result = await callApi<{ id: string }>('/api/workflows?origin=ai', {
      method: 'POST',
      json: suggestion.create,
    });
    setPending(null);
    if (!result.ok) return toast(t('failed'), 'error');
    toast(t('created'));
    router.push(`/workflows/${result.data.id}`);
  }

  return (
    <section
      aria-labelledby={`${testId}-title`}
      className="rounded-card border border-border bg-surface-raised p-5"
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="font-display text-lg font-semibold">
        {place === 'dashboard' ? t('dashboardTitle') : t('title')}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{t('intro')}</p>
      <ul className="mt-4 space-y-3">
        {visible.map((suggestion) => (
          <li
            key={suggestion.id}
            className="rounded-lg border border-border p-4"
            data-testid="suggestion"
            data-kind={suggestion.kind}
            data-id={suggestion.id}
          >
            <p className="font-medium">
              {t(`kinds.${suggestion.kind}.title`)}
              {showWorkflow ? (
                <>
                  {' · '}
                  <Link
                    href={`/workflows/${suggestion.workflowId}`}
                    className="text-brand-accent underline underline-offset-4"
                    dir="auto"
                  >
                    {suggestion.workflowName}
                  </Link>
                </>
              ) : null}
            </p>
            <p className="mt-1 text-sm text-fg-muted">{t(`kinds.${suggestion.kind}.reason`, suggestion.params)}</p>
            {suggestion.change ? (
              <details className="mt-2 text-xs text-fg-muted">
                <summary className="cursor-pointer">
                  {t('changes', { count: suggestion.change.changes.length })}
                </summary>
                <ul className="mt-1 space-y-1 break-all font-mono" dir="ltr">
                  {suggestion.change.changes.map((change) => (
                    <li key={change.path}>
                      {change.path}: {JSON.stringify(change.before) ?? '—'} → {JSON.stringify(change.after) ?? '—'}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <div className="mt-3 flex flex-wrap gap-2">
              {suggestion.change || suggestion.create ? (
                <Button
                  size="sm"
                  variant="primary"
                  pending={pending === suggestion.id}
                  disabled={pending !== null}
                  onClick={() => void apply(suggestion)}
                  data-testid="suggestion-apply"
                >
                  {suggestion.change ? t('apply') : t('create')}
                </Button>
              ) : suggestion.href ? (
                <Link
                  href={suggestion.href}
                  className={buttonClass({ size: 'sm', variant: 'primary' })}
                  data-testid="suggestion-open"
                >
                  {suggestion.kind === 'keepsFailing' ? t('kinds.keepsFailing.action') : t('kinds.placeholders.action')}
                </Link>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => dismiss(suggestion.id)} data-testid="suggestion-dismiss">
                {t('dismiss')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
