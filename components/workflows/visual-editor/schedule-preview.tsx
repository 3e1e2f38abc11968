'use client';
// The next five runs of the schedule being typed, in the workflow's zone (and the viewer's, when it differs).
import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { callApi } from '@/lib/client/call-api';

const PREVIEW_DEBOUNCE_MS = 300;

type Preview = { ok: true; timezone: string; runs: string[] } | { ok: false; issues: { message: string }[] };
type Shown = { key: string; preview: Preview | null; failed: boolean };

export function SchedulePreview({ id, cron, timeZone }: { id: string; cron: string; timeZone: string }) {
  const t = useTranslations('workflows.visualEditor.schedulePreview');
  const format = useFormatter();
  const viewerZone = useTimeZone() ?? 'UTC';
  const key = `${cron}\n${timeZone}`;
  const [shown, setShown] = useState<Shown>({ key: '', preview: null, failed: false });
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const query = new URLSearchParams({ cron, timezone: timeZone });
      const result = await callApi<Preview>(`/api/workflows/schedule-preview?${query}`);
      if (!cancelled) setShown({ key, preview: result.ok ? result.data : null, failed: !result.ok });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cron, timeZone, key]);
  // NOTE: an invalid schedule shows nothing here: the field's own error (from the validator) says what is wrong.
  const preview = shown.key === key ? shown.preview : null;
  if (shown.key === key && shown.failed) return <p className="text-xs text-fg-subtle sm:col-span-2">{t('failed')}</p>;
  if (!preview?.ok) return null;
  const when = (iso: string, zone: string) =>
    format.dateTime(new Date(iso), {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
  return (
    <section aria-labelledby={`${id}-preview-title`} className="sm:col-span-2" data-testid="schedule-preview">
      <h3 id={`${id}-preview-title`} className="text-sm font-medium">
        {t('title')}
      </h3>
      <p className="text-xs text-fg-subtle" data-testid="schedule-preview-zone">
        {t('inZone', { zone: preview.timezone })}
      </p>
      {preview.runs.length === 0 ? (
        <p className="mt-1 text-sm">{t('none')}</p>
      ) : (
        <ol className="mt-1 space-y-0.5 text-sm">
          {preview.runs.map((run) => (
            <li key={run} data-testid="schedule-preview-run">
              <time dateTime={run}>{when(run, preview.timezone)}</time>
              {viewerZone !== preview.timezone ? (
                <span className="ms-2 text-xs text-fg-subtle">
                  {t('yourTime', { zone: viewerZone, time: when(run, viewerZone) })}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
