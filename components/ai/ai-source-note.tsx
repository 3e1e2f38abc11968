// Where an AI answer came from: the model (check it before use), or the built-in fallback and the reason, in words.
import { useTranslations } from 'next-intl';
import type { FallbackReason } from '@/lib/ai/schemas';

/** `fallbackLabel`: what made a fallback answer (default "the built-in builder"). */
type Props = { source: 'model' | 'fallback'; reason?: FallbackReason; fallbackLabel?: string; testId?: string };

export function AiSourceNote({ source, reason, fallbackLabel, testId }: Props) {
  const t = useTranslations('ai.creator.source');
  return (
    <p
      className={`max-w-3xl rounded-lg border px-3 py-2 text-sm ${source === 'fallback' ? 'border-border-strong bg-surface-raised' : 'border-brand-accent/40 bg-brand/10'}`}
      data-testid={testId}
      data-source={source}
    >
      {source === 'fallback' ? (
        <>
          <strong className="font-semibold">{fallbackLabel ?? t('fallback')}</strong>{' '}
          {t(`reasons.${reason ?? 'not_configured'}`)}
        </>
      ) : (
        t('model')
      )}
    </p>
  );
}
