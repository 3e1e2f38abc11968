'use client';
// The live logs tail: polls GET /api/admin/logs every 3 seconds for newer telemetry rows; can be paused and filtered.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Time } from '@/components/ui/time';

type Line = {
  id: string;
  level: 'info' | 'warn' | 'error';
  kind: string;
  name: string;
  message: string | null;
  path: string | null;
  status: number | null;
  durationMs: number | null;
  createdAt: string;
};

const POLL_MS = 3_000;
const KEEP = 200;
const levelClass = { info: 'text-fg-subtle', warn: 'text-warning', error: 'text-danger' } as const;

export function LogsTail() {
  const t = useTranslations('admin.logs');
  const [lines, setLines] = useState<Line[]>([]);
  const [paused, setPaused] = useState(false);
  const [level, setLevel] = useState<'all' | 'warn' | 'error'>('all');
  const [failed, setFailed] = useState(false);
  const cursor = useRef<string | null>(null);

  const poll = useCallback(async () => {
    const query = new URLSearchParams({ level, limit: '100' });
    if (cursor.current) query.set('after', cursor.current);
    const response = await fetch(`/api/admin/logs?${query}`, { cache: 'no-store' }).catch(() => null);
    if (!response?.ok) {
      setFailed(true);
      return;
    }
    setFailed(false);
    const body = (await response.json()) as { lines: Line[]; cursor: string | null };
    cursor.current = body.cursor;
    if (body.lines.length) setLines((previous) => [...body.lines, ...previous].slice(0, KEEP));
  }, [level]);

  useEffect(() => {
    if (paused) return;
    const first = setTimeout(() => void poll(), 0);
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [paused, poll]);

  return (
    <div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          {t('level')}
          <select
            value={level}
            onChange={(event) => {
              cursor.current = null;
              setLines([]);
              setLevel(event.target.value as typeof level);
            }}
            className="mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg"
          >
            <option value="all">{t('levels.all')}</option>
            <option value="warn">{t('levels.warn')}</option>
            <option value="error">{t('levels.error')}</option>
          </select>
        </label>
        <button
          type="button"
          aria-pressed={paused}
          onClick={() => setPaused((value) => !value)}
          className={buttonClass({ size: 'sm' })}
        >
          {paused ? t('resume') : t('pause')}
        </button>
        {failed ? (
          <p role="alert" className="text-sm text-danger">
            {t('failed')}
          </p>
        ) : null}
      </div>
      <div
        role="log"
        aria-live="off"
        aria-label={t('label')}
        tabIndex={0}
        className="mt-3 max-h-96 overflow-y-auto rounded-card border border-border bg-surface-sunken p-3 font-mono text-xs"
        dir="ltr"
        data-testid="logs-tail"
      >
        {lines.length === 0 ? <p className="text-fg-subtle">{t('empty')}</p> : null}
        {lines.map((line) => (
          <p key={line.id} className="whitespace-pre-wrap break-words py-0.5" data-testid="log-line">
            <Time value={line.createdAt} format="time" className="text-fg-subtle" />{' '}
            <span className={levelClass[line.level]}>{line.level.toUpperCase()}</span>{' '}
            <span className="text-fg">{line.name}</span>
            {line.path ? <span className="text-fg-muted"> {line.path}</span> : null}
            {line.status ? <span className="text-fg-muted"> {line.status}</span> : null}
            {line.durationMs !== null ? <span className="text-fg-muted"> {Math.round(line.durationMs)} ms</span> : null}
            {line.message && line.message !== line.name ? (
              <span className="text-fg-muted"> — {line.message}</span>
            ) : null}
          </p>
        ))}
      </div>
    </div>
  );
}
