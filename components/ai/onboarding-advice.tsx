'use client';
// Streamed advice on the next onboarding step (POST /api/ai/onboarding, read with readAiStream), with where it came
// from: the AI, or the built-in guidance (badged, and the text says why).
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import type { AiSource } from '@/lib/ai/schemas';
import { readAiStream } from '@/lib/client/read-ai-stream';
import { aiLocale } from './ai-locale';

type Advice = { status: 'loading' | 'streaming' | 'done' | 'cut' | 'failed'; text: string; source: AiSource | null };

export function OnboardingAdvice() {
  const t = useTranslations('ai.onboarding');
  const locale = useLocale();
  const [advice, setAdvice] = useState<Advice>({ status: 'loading', text: '', source: null });

  useEffect(() => {
    const controller = new AbortController();
    const fail = () => setAdvice((current) => ({ ...current, status: current.text ? 'cut' : 'failed' }));
    fetch('/api/ai/onboarding', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ locale: aiLocale(locale) }),
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) return fail();
        await readAiStream(response, (event) => {
          if (event.type === 'meta')
            setAdvice({
              status: 'streaming',
              text: '',
              source: { source: event.source, fallbackReason: event.fallbackReason },
            });
          else if (event.type === 'delta') setAdvice((current) => ({ ...current, text: current.text + event.text }));
          else if (event.type === 'done') setAdvice((current) => ({ ...current, status: 'done' }));
          else fail();
        });
      })
      .catch(() => {
        if (!controller.signal.aborted) fail();
      });
    return () => controller.abort();
  }, [locale]);

  return (
    <div
      className="mt-3 rounded-lg border border-border bg-surface-sunken p-3 text-sm"
      data-testid="onboarding-advice"
      data-status={advice.status}
      data-source={advice.source?.source ?? ''}
    >
      <p className="flex flex-wrap items-center gap-2 font-medium">
        {t('adviceTitle')}
        {advice.source ? (
          <Badge tone={advice.source.source === 'model' ? 'info' : 'neutral'} data-testid="onboarding-advice-source">
            {advice.source.source === 'model' ? t('sourceModel') : t('sourceBuiltIn')}
          </Badge>
        ) : null}
      </p>
      <div aria-live="polite" className="mt-1 whitespace-pre-line text-fg-muted" data-testid="onboarding-advice-text">
        {advice.status === 'loading'
          ? t('adviceLoading')
          : advice.status === 'failed'
            ? t('adviceFailed')
            : advice.text}
      </div>
      {advice.status === 'cut' ? <p className="mt-1 text-xs text-warning">{t('adviceCut')}</p> : null}
    </div>
  );
}
