'use client';
// The dashboard's compact "Describe a workflow" prompt: opens New workflow → Describe it, building the request at once.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { aiLimits } from '@/lib/ai/schemas';
import { useRouter } from '@/lib/i18n/navigation';
import { buttonClass } from '@/components/ui/button';

export function WorkflowCreatorPrompt() {
  const t = useTranslations('ai.creator.dashboard');
  const router = useRouter();
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const [pending, setPending] = useState(false);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-card border border-border bg-surface-raised p-4"
      data-testid="dashboard-creator"
    >
      <h2 id={`${id}-title`} className="font-display text-lg font-semibold">
        {t('title')}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPending(true);
          router.push({ pathname: '/workflows', query: { new: 'describe', prompt: prompt.trim() } });
        }}
        className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <label className="block min-w-0 flex-1 text-sm">
          <span className="text-fg-muted">{t('label')}</span>
          <input
            name="prompt"
            required
            minLength={3}
            maxLength={aiLimits.promptChars}
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            placeholder={t('placeholder')}
            className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
            data-testid="dashboard-creator-prompt"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass({ variant: 'primary' })}>
          {t('submit')}
        </button>
      </form>
    </section>
  );
}
