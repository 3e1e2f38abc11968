'use client';
// The debug assistant's proposed fix: each changed field (path, before → after), "Apply fix" as a new version of the
// workflow (409 when it changed since: explain again), then "Run again" on the fixed version.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { AiFix } from '@/lib/ai/schemas';
import { callApi } from '@/lib/client/call-api';
import { useRouter } from '@/lib/i18n/navigation';
import { buttonClass } from '@/components/ui/button';

type Props = { workflowId: string; fix: AiFix; payload: unknown; onExplainAgain: () => void };
type Status =
  | { kind: 'idle' }
  | { kind: 'applying' }
  | { kind: 'applied' }
  | { kind: 'stale' }
  | { kind: 'error'; text: string }
  | { kind: 'starting' };

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export function DebugAssistantFix({ workflowId, fix, payload, onExplainAgain }: Props) {
  const t = useTranslations('ai.debugAssistant.fix');
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [appliedVersion, setAppliedVersion] = useState<number | null>(null);
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status.kind === 'applied' || status.kind === 'stale' || status.kind === 'error') message.current?.focus();
  }, [status.kind]);

  async function apply() {
    setStatus({ kind: 'applying' });
    const result = await callApi<{ currentVersion: number }>(`/api/workflows/${workflowId}`, {
      method: 'PUT',
      json: { definition: fix.definition, expectedVersion: fix.baseVersion },
    });
    if (result.ok) {
      setAppliedVersion(result.data.currentVersion);
      return setStatus({ kind: 'applied' });
    }
    if (result.status === 409) return setStatus({ kind: 'stale' });
    setStatus({
      kind: 'error',
      text: result.error.details?.issues?.length
        ? t('notValid')
        : result.status === 0
          ? t('network')
          : result.error.message || t('failed'),
    });
  }

  async function runAgain() {
    setStatus({ kind: 'starting' });
    // NOTE: a new run on the workflow's current (fixed) version; a replay would keep the failed run's version.
    const result = await callApi<{ id: string }>(`/api/workflows/${workflowId}/runs`, { json: { payload } });
    if (result.ok) return router.push(`/runs/${result.data.id}`);
    setStatus({ kind: 'error', text: result.error.message || t('runFailed') });
  }

  const applied = appliedVersion !== null;
  return (
    <section className="rounded-card border border-brand-accent/40 p-4" data-testid="debug-fix">
      <h3 className="text-sm font-semibold">{t('title')}</h3>
      <p className="mt-1 text-sm text-fg-muted" data-testid="debug-fix-summary">
        {fix.summary}
      </p>
      <ul className="mt-3 space-y-2 text-sm" aria-label={t('changes', { count: fix.changes.length })}>
        {fix.changes.map((change) => (
          <li key={change.path} className="rounded-lg border border-border bg-surface p-2" data-testid="debug-change">
            <code className="font-mono text-xs font-semibold" dir="ltr">
              {change.path}
            </code>
            <div className="mt-1 flex flex-wrap items-center gap-2 font-mono text-xs" dir="ltr">
              <del className="rounded bg-danger/10 px-1.5 py-0.5 text-danger">
                <span className="sr-only">{t('before')} </span>
                {shown(change.before)}
              </del>
              <span aria-hidden>→</span>
              <ins className="rounded bg-success/10 px-1.5 py-0.5 text-success no-underline">
                <span className="sr-only">{t('after')} </span>
                {shown(change.after)}
              </ins>
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-fg-subtle">{t('newVersion', { version: fix.baseVersion })}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {applied ? (
          <button
            type="button"
            disabled={status.kind === 'starting'}
            onClick={() => void runAgain()}
            className={buttonClass({ variant: 'primary' })}
            data-testid="debug-run-again"
          >
            {status.kind === 'starting' ? t('starting') : t('runAgain')}
          </button>
        ) : (
          <button
            type="button"
            disabled={status.kind === 'applying'}
            onClick={() => void apply()}
            className={buttonClass({ variant: 'primary' })}
            data-testid="debug-apply"
          >
            {status.kind === 'applying' ? t('applying') : t('apply')}
          </button>
        )}
        {status.kind === 'stale' ? (
          <button type="button" onClick={onExplainAgain} className={buttonClass()} data-testid="debug-explain-again">
            {t('explainAgain')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {status.kind === 'applied' || status.kind === 'stale' || status.kind === 'error' ? (
          <p
            ref={message}
            tabIndex={-1}
            className={`mt-2 text-sm ${status.kind === 'applied' ? 'text-success' : 'text-danger'}`}
            data-testid="debug-fix-status"
          >
            {status.kind === 'applied' ? t('applied', { version: appliedVersion ?? 0 }) : null}
            {status.kind === 'stale' ? t('stale') : null}
            {status.kind === 'error' ? status.text : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}
