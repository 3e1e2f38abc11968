'use client';
// Version history: compare any version with the current one (a line diff of the JSON, marked +/− and in words for
// screen readers) and restore it as a new version.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Time } from '@/components/ui/time';
import { callApi } from '@/lib/client/call-api';
import { changedLines, type DiffRow, versionDiff } from './version-diff';

export type VersionItem = { version: number; createdAt: string; createdBy: string | null };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const lineTone = {
  same: 'text-fg-subtle',
  add: 'bg-success/10 text-success',
  remove: 'bg-danger/10 text-danger',
} as const;
const marker = { same: ' ', add: '+', remove: '−' } as const;

export function VersionHistory({
  workflowId,
  currentVersion,
  currentDefinition,
  versions,
}: {
  workflowId: string;
  currentVersion: number;
  currentDefinition: unknown;
  versions: VersionItem[];
}) {
  const t = useTranslations('workflows.versions');
  const router = useRouter();
  const [compared, setCompared] = useState<{ version: number; lines: DiffRow[] } | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  async function compare(version: number) {
    setPending(version);
    setMessage(null);
    const result = await callApi<{ definition: unknown }>(`/api/workflows/${workflowId}/versions/${version}`);
    setPending(null);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message || t('failed') });
    setCompared({ version, lines: versionDiff(pretty(result.data.definition), pretty(currentDefinition)) });
  }

  async function restore(version: number) {
    if (!window.confirm(t('restoreConfirm', { version }))) return;
    setPending(version);
    const result = await callApi<{ currentVersion: number }>(
      `/api/workflows/${workflowId}/versions/${version}/restore`,
      { method: 'POST' },
    );
    setPending(null);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message || t('failed') });
    setCompared(null);
    setMessage({ tone: 'ok', text: t('restored', { version, current: result.data.currentVersion }) });
    router.refresh();
  }

  const changes = compared ? changedLines(compared.lines) : 0;
  return (
    <div className="mt-6 space-y-6">
      <div aria-live="polite">
        {message ? (
          <p
            className={`rounded-lg border px-3 py-2 text-sm ${message.tone === 'ok' ? 'border-success/40 bg-success/10 text-success' : 'border-danger/40 bg-danger/10 text-danger'}`}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <div className="overflow-x-auto rounded-card border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-surface-raised text-fg-muted">
            <tr>
              <th scope="col" className="px-4 py-3 text-start font-medium">
                {t('version')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-medium">
                {t('savedAt')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-medium">
                {t('savedBy')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-medium">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {versions.map((item) => (
              <tr key={item.version} data-testid="version-row">
                <td className="px-4 py-3 font-medium">
                  v{item.version}
                  {item.version === currentVersion ? (
                    <span className="ms-2 rounded-full bg-brand/20 px-2 py-0.5 text-xs text-fg">{t('current')}</span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-fg-muted">
                  <Time value={item.createdAt} relative />
                </td>
                <td className="px-4 py-3 text-fg-muted">{item.createdBy ?? '—'}</td>
                <td className="px-4 py-3">
                  {item.version === currentVersion ? null : (
                    <span className="flex flex-wrap justify-end gap-2">
                      <button
                        type="button"
                        disabled={pending !== null}
                        onClick={() => void compare(item.version)}
                        className="rounded-lg border border-border-strong px-3 py-1.5 hover:bg-surface-raised disabled:opacity-60"
                      >
                        {t('compare', { version: item.version })}
                      </button>
                      <button
                        type="button"
                        disabled={pending !== null}
                        onClick={() => void restore(item.version)}
                        className="rounded-lg border border-border-strong px-3 py-1.5 hover:bg-surface-raised disabled:opacity-60"
                      >
                        {t('restore', { version: item.version })}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compared ? (
        <section aria-labelledby="version-diff-title">
          <h2 id="version-diff-title" className="font-display text-lg font-semibold">
            {t('diffTitle', { version: compared.version, current: currentVersion })}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">{changes === 0 ? t('noChanges') : t('legend')}</p>
          <pre
            className="mt-3 max-h-[32rem] overflow-auto rounded-lg border border-border bg-surface-sunken py-2 font-mono text-xs leading-relaxed"
            dir="ltr"
            tabIndex={0}
            aria-label={t('diffLabel')}
            data-testid="version-diff"
          >
            {compared.lines.map((line, index) =>
              line.kind === 'skip' ? (
                <span key={index} className="block px-3 text-fg-subtle">
                  {t('skipped', { count: line.count })}
                </span>
              ) : (
                <span key={index} className={`block px-3 ${lineTone[line.kind]}`} data-kind={line.kind}>
                  <span aria-hidden>{marker[line.kind]}</span>
                  {line.kind === 'same' ? null : (
                    <span className="sr-only">{t(line.kind === 'add' ? 'diffAdded' : 'diffRemoved')}: </span>
                  )}{' '}
                  {line.text}
                </span>
              ),
            )}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
