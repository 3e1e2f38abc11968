'use client';
// Signed webhook deliveries: shows a new signing secret once (right after signing is turned on, or after a rotation) with
// curl and Node examples, and rotates it (POST /api/workflows/:id/webhook-secret/rotate, admins).
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { curlSigningExample, nodeSigningExample } from '@/lib/workflows/triggers/signing-examples';
import { callApi } from '@/lib/client/call-api';
import { CopyButton } from './copy-button';

type Props = {
  workflowId: string;
  webhookUrl: string;
  canRotate: boolean;
  secretShownAt: string | null;
  previousValidUntil: string | null;
  graceHours: number;
};
type Rotated = { secret: string; previousValidUntil: string | null };

const button = 'rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised disabled:opacity-60';
const codeBlock = 'overflow-x-auto rounded-lg bg-surface-sunken p-3 font-mono text-xs leading-relaxed';

export function WebhookSigningPanel({
  workflowId,
  webhookUrl,
  canRotate,
  secretShownAt,
  previousValidUntil,
  graceHours,
}: Props) {
  const t = useTranslations('workflows.signing');
  const errors = useTranslations('workflows.errors');
  const format = useFormatter();
  const id = useId().replace(/:/g, '');
  const [shownAt, setShownAt] = useState(secretShownAt);
  const [previousUntil, setPreviousUntil] = useState(previousValidUntil);
  const [revealed, setRevealed] = useState<Rotated | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  async function rotate(firstReveal: boolean) {
    setPending(true);
    setError(null);
    setConfirming(false);
    const result = await callApi<Rotated>(`/api/workflows/${workflowId}/webhook-secret/rotate`, {
      json: firstReveal ? { onlyIfNeverShown: true } : {},
    });
    setPending(false);
    if (!result.ok) {
      if (firstReveal && result.error.code === 'conflict') return setShownAt(new Date().toISOString());
      return setError(result.error.message || errors('generic'));
    }
    setRevealed(result.data);
    setShownAt(new Date().toISOString());
    setPreviousUntil(result.data.previousValidUntil);
  }

  // NOTE: the secret made with the workflow was never shown, so turning signing on shows a fresh one at once (the ref
  // keeps React's development double effect from asking twice).
  useEffect(() => {
    if (shownAt !== null || !canRotate || started.current) return;
    started.current = true;
    void rotate(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-6 rounded-card border border-border p-5"
      data-testid="webhook-signing-panel"
    >
      <h2 id={`${id}-title`} className="font-display text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{t('intro')}</p>
      {revealed ? (
        <div className="mt-4 space-y-4" data-testid="webhook-signing-revealed">
          <p className="text-sm font-medium text-warning">{t('onceWarning')}</p>
          <div>
            <p id={`${id}-secret-label`} className="text-xs text-fg-subtle">
              {t('secretLabel')}
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <code
                aria-labelledby={`${id}-secret-label`}
                className="break-all rounded-lg bg-surface-sunken px-3 py-2 font-mono text-xs"
                dir="ltr"
                data-testid="webhook-signing-secret"
              >
                {revealed.secret}
              </code>
              <CopyButton value={revealed.secret} label={t('copySecret')} />
            </div>
          </div>
          {revealed.previousValidUntil ? (
            <p className="text-sm text-fg-muted" data-testid="webhook-signing-grace">
              {t('previousValidUntil', { time: when(revealed.previousValidUntil) })}
            </p>
          ) : null}
          <h3 className="font-semibold">{t('examplesTitle')}</h3>
          <div className="grid gap-4 lg:grid-cols-2">
            {(
              [
                ['curl', t('curlExample'), t('copyCurl'), curlSigningExample(webhookUrl, revealed.secret)],
                ['node', t('nodeExample'), t('copyNode'), nodeSigningExample(webhookUrl, revealed.secret)],
              ] as const
            ).map(([kind, label, copyLabel, code]) => (
              <figure key={kind} className="min-w-0">
                <div className="flex items-center justify-between gap-2">
                  <figcaption id={`${id}-${kind}`} className="text-sm font-medium">
                    {label}
                  </figcaption>
                  <CopyButton value={code} label={copyLabel} />
                </div>
                <pre
                  tabIndex={0}
                  aria-labelledby={`${id}-${kind}`}
                  dir="ltr"
                  className={`mt-2 ${codeBlock}`}
                  data-testid={`webhook-signing-${kind}`}
                >
                  <code>{code}</code>
                </pre>
              </figure>
            ))}
          </div>
          <button type="button" className={button} onClick={() => setRevealed(null)}>
            {t('done')}
          </button>
        </div>
      ) : (
        <div className="mt-3 space-y-2 text-sm">
          {pending && shownAt === null ? <p role="status">{t('generating')}</p> : null}
          {shownAt ? (
            <p className="text-fg-muted" data-testid="webhook-signing-status">
              {t('shownOn', { time: when(shownAt) })}
            </p>
          ) : !canRotate ? (
            <p className="text-fg-muted">{t('notShownAskAdmin')}</p>
          ) : null}
          {previousUntil ? (
            <p className="text-fg-muted">{t('previousValidUntil', { time: when(previousUntil) })}</p>
          ) : null}
          {canRotate && shownAt ? (
            confirming ? (
              <div className="flex flex-wrap items-center gap-2">
                <p>{t('rotateConfirm', { hours: graceHours })}</p>
                <button type="button" className={button} disabled={pending} onClick={() => void rotate(false)}>
                  {t('rotateNow')}
                </button>
                <button type="button" className={button} onClick={() => setConfirming(false)}>
                  {t('cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className={button} disabled={pending} onClick={() => setConfirming(true)}>
                {pending ? t('rotating') : t('rotate')}
              </button>
            )
          ) : null}
          {!canRotate && shownAt ? <p className="text-fg-subtle">{t('rotateAdminOnly')}</p> : null}
        </div>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
