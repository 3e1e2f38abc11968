'use client';
// The help panel's conversation: suggested questions for the page, the question box, and each answer streamed in with
// its sources as links and a note when it came from the built-in help instead of the AI.
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { AiStreamEvent, KnowledgeSource } from '@/lib/ai/schemas';
import { readAiStream } from '@/lib/client/read-ai-stream';
import { type Locale, tierOneLocales } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { type HelpContext, type HelpPage } from './help-panel-context';

type Turn =
  | { role: 'user'; text: string }
  | {
      role: 'assistant';
      text: string;
      sources: KnowledgeSource[];
      source: 'model' | 'fallback' | null;
      status: 'streaming' | 'done' | 'cut' | 'failed';
    };

export function HelpPanelChat({
  context,
  page,
  onNavigate,
}: {
  context: HelpContext;
  page: HelpPage;
  onNavigate: () => void;
}) {
  const t = useTranslations('ai.help');
  const locale = useLocale();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState('');
  const busy = turns.at(-1)?.role === 'assistant' && (turns.at(-1) as { status: string }).status === 'streaming';
  const input = useRef<HTMLTextAreaElement>(null);

  const updateLast = (change: (turn: Extract<Turn, { role: 'assistant' }>) => Partial<Turn>) =>
    setTurns((all) => {
      const last = all.at(-1);
      if (last?.role !== 'assistant') return all;
      return [...all.slice(0, -1), { ...last, ...change(last) } as Turn];
    });

  async function ask(text: string) {
    const content = text.trim();
    if (!content || busy) return;
    const history = turns
      .filter((turn) => turn.text.trim() !== '' && (turn.role === 'user' || turn.status === 'done'))
      .slice(-8)
      .map((turn) => ({ role: turn.role, content: turn.text.slice(0, 4_000) }));
    setQuestion('');
    setTurns((all) => [
      ...all,
      { role: 'user', text: content },
      { role: 'assistant', text: '', sources: [], source: null, status: 'streaming' },
    ]);
    try {
      const response = await fetch('/api/ai/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [...history, { role: 'user', content: content.slice(0, 4_000) }],
          context,
          // NOTE: the other locales are answered in the request's language (cookie, Accept-Language), English per key.
          ...(tierOneLocales.includes(locale as Locale) ? { locale } : {}),
        }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      let ended = false;
      await readAiStream(response, (event: AiStreamEvent) => {
        if (event.type === 'meta') updateLast(() => ({ sources: event.sources, source: event.source }));
        else if (event.type === 'delta') updateLast((turn) => ({ text: turn.text + event.text }));
        else {
          ended = true;
          updateLast(() => ({ status: event.type === 'done' ? 'done' : 'cut' }));
        }
      });
      if (!ended) updateLast(() => ({ status: 'cut' }));
    } catch {
      updateLast(() => ({ status: 'failed' }));
    }
    input.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void ask(question);
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4" data-testid="help-conversation">
        {turns.length === 0 ? (
          <section aria-labelledby="help-suggested">
            <p className="text-sm text-fg-muted">{t('intro')}</p>
            <h3 id="help-suggested" className="mt-4 text-xs font-semibold tracking-wide text-fg-subtle uppercase">
              {t('suggested')}
            </h3>
            <ul className="mt-2 space-y-2">
              {(['q1', 'q2'] as const).map((key) => (
                <li key={key}>
                  <button
                    type="button"
                    onClick={() => void ask(t(`suggestions.${page}.${key}`))}
                    className="w-full rounded-lg border border-border px-3 py-2 text-start text-sm hover:bg-surface-raised"
                    data-testid="help-suggestion"
                  >
                    {t(`suggestions.${page}.${key}`)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {turns.map((turn, index) =>
          turn.role === 'user' ? (
            <div
              key={index}
              className="ms-8 rounded-lg border border-border bg-surface px-3 py-2 text-sm"
              data-testid="help-question"
            >
              <span className="sr-only">{t('you')}: </span>
              {turn.text}
            </div>
          ) : (
            <article key={index} className="me-4 text-sm" data-testid="help-answer" data-status={turn.status}>
              <h3 className="flex flex-wrap items-center gap-2 text-xs font-semibold text-fg-subtle">
                {t('assistant')}
                {turn.source ? (
                  <span
                    className="rounded-full border border-border-strong px-2 py-0.5 font-normal"
                    data-testid="help-answer-source"
                    data-source={turn.source}
                  >
                    {turn.source === 'fallback' ? t('builtIn') : t('aiAnswer')}
                  </span>
                ) : null}
              </h3>
              <div
                className="mt-1 break-words whitespace-pre-wrap text-fg"
                aria-live="polite"
                aria-busy={turn.status === 'streaming'}
              >
                {turn.text || (turn.status === 'streaming' ? t('answering') : '')}
              </div>
              {turn.status === 'cut' ? <p className="mt-2 text-amber-300">{t('cutOff')}</p> : null}
              {turn.status === 'failed' ? (
                <p role="alert" className="mt-2 text-rose-300">
                  {t('failed')}
                </p>
              ) : null}
              {turn.sources.length > 0 ? (
                <nav aria-label={t('sources')} className="mt-2">
                  <h4 className="text-xs text-fg-subtle">{t('sources')}</h4>
                  <ul className="mt-1 flex flex-wrap gap-2">
                    {turn.sources.map((source) => (
                      <li key={`${source.kind}:${source.id}`}>
                        <Link
                          href={source.href}
                          onClick={onNavigate}
                          className="inline-block rounded-md border border-border px-2 py-1 text-xs text-brand-accent underline-offset-2 hover:underline"
                          data-testid="help-source"
                        >
                          {source.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
            </article>
          ),
        )}
      </div>
      <form onSubmit={submit} className="border-t border-border px-5 py-4">
        <label htmlFor="help-question" className="text-sm font-medium">
          {t('inputLabel')}
        </label>
        <textarea
          id="help-question"
          ref={input}
          value={question}
          maxLength={4_000}
          rows={2}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void ask(question);
            }
          }}
          placeholder={t('placeholder')}
          className="mt-1 w-full resize-none rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm"
          data-testid="help-input"
        />
        <div className="mt-2 flex items-center justify-between gap-3">
          <Link href="/help" onClick={onNavigate} className="text-sm text-fg-muted underline-offset-2 hover:underline">
            {t('browse')}
          </Link>
          <Button
            type="submit"
            variant="primary"
            size="sm"
            pending={busy}
            pendingText={t('answering')}
            data-testid="help-send"
          >
            {t('send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
