import 'server-only';
// The built-in help's answer when the model may not or cannot answer: why (AI off, not set up, or failed), what the
// user is looking at, then the best matching help items (title, summary, link) — in the user's language.
import { createTranslator } from 'next-intl';
import type { KnowledgeHit } from '@/lib/ai/knowledge/search-knowledge';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { FallbackReason } from '../schemas';
import type { ChatContext } from './load-chat-context';

/** Help items a fallback answer lists: at most three, and only those matching at least half as well as the best. */
const FALLBACK_ITEMS = 3;
const FALLBACK_RELATIVE_SCORE = 0.5;

export function fallbackItems(knowledge: KnowledgeHit[]): KnowledgeHit[] {
  const best = knowledge[0]?.score ?? 0;
  return knowledge.filter((item) => item.score >= best * FALLBACK_RELATIVE_SCORE).slice(0, FALLBACK_ITEMS);
}

type Translate = (key: string, values?: Record<string, string>) => string;

const introByReason: Record<FallbackReason, 'notConfigured' | 'unavailable' | 'error'> = {
  not_configured: 'notConfigured',
  kill_switch: 'unavailable',
  budget_exhausted: 'unavailable',
  credits_exhausted: 'unavailable',
  throttled: 'unavailable',
  provider_error: 'error',
  invalid_output: 'error',
};

export async function chatFallbackText(
  locale: Locale,
  reason: FallbackReason,
  knowledge: KnowledgeHit[],
  context: ChatContext,
): Promise<string> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: 'ai.help.fallback' as never }) as unknown as Translate;
  const label = (namespace: string) => {
    const translate = createTranslator({ locale, messages, namespace: namespace as never });
    return (key: string) => (translate.has(key as never) ? translate(key as never) : key);
  };
  const typeLabel = label('workflows.visualEditor.types');
  const triggerLabel = label('workflows.trigger');
  const statusLabel = label('runs.status');
  const parts = [t(introByReason[reason])];
  if (context.workflow)
    parts.push(
      t('workflow', {
        name: context.workflow.name,
        trigger: triggerLabel(context.workflow.trigger),
        steps: context.workflow.stepTypes.map(typeLabel).join(', '),
      }),
    );
  if (context.run) {
    const { status, error } = context.run;
    const stepNote = error?.stepId ? t('runStep', { step: error.stepId, code: error.code ?? '?' }) : '';
    parts.push(t('run', { status: statusLabel(status), stepNote }));
  }
  const shown = fallbackItems(knowledge);
  if (shown.length === 0) parts.push(t('noMatch', { href: '/help' }));
  for (const item of shown) parts.push(t('item', { title: item.title, summary: item.summary, href: item.href }));
  return parts.join('\n\n');
}
