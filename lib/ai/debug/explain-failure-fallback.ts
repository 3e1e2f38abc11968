import 'server-only';
// The rule-based explanation of a failed step, one rule per registered error code (`ai.debug.rules.<code>`: what
// happened, why, and what to do), filled in with the step, the service, the HTTP status, the attempts and the
// credential; an unknown code gets the generic rule. Useful on its own when no model is configured.
import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages, type Messages } from '@/lib/i18n/messages';
import { isWorkflowErrorCode } from '@/lib/workflows/error-codes';
import { type FailureFacts, failureHost, isRecord } from './failure-facts';

export type FailureExplanation = { what: string; why: string; todo: string[] };

/** Most "what to do" items a rule has (`todo1` … `todo3`). */
const MAX_TODOS = 3;

/** The rule a code is explained by: its own when registered, else the generic one. */
export function ruleCode(code: string): string {
  return isWorkflowErrorCode(code) ? code : 'unknown';
}

export function debugTranslator(messages: Messages, locale: Locale) {
  return createTranslator({ locale, messages, namespace: 'ai.debug' as never, onError: () => undefined });
}

type Translate = ReturnType<typeof debugTranslator>;
type Params = Record<string, string | number>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null;
}

/** The values every rule's messages may use; all are always given, so no message misses one. */
export function ruleParams(facts: FailureFacts, t: Translate, stepTypeLabel: (type: string) => string | null): Params {
  const input = isRecord(facts.input) ? facts.input : {};
  const connector = text(facts.details.connector) ?? (facts.stepType ? stepTypeLabel(facts.stepType) : null);
  const timeoutMs = Number(facts.details.timeoutMs ?? input.timeoutMs ?? 300_000);
  return {
    step: facts.stepName ?? facts.stepId ?? '—',
    stepType: facts.stepType ?? '—',
    service: failureHost(facts) ?? connector ?? t('theService' as never),
    status: String(facts.details.status ?? '—'),
    attempts: Math.max(1, facts.attempts),
    credential: text(facts.details.name) ?? text(input.credential) ?? '—',
    connector: connector ?? '—',
    seconds: Number.isFinite(timeoutMs) ? Math.round(timeoutMs / 1000) : 300,
    message: facts.message.replace(/\s+/g, ' ').slice(0, 300),
  };
}

export async function explainFailureFallback(facts: FailureFacts, locale: Locale): Promise<FailureExplanation> {
  const messages = await loadMessages(locale);
  const t = debugTranslator(messages, locale);
  const types = createTranslator({ locale, messages, namespace: 'workflows.visualEditor.types' as never });
  const label = (type: string) => (types.has(type as never) ? (types(type as never) as string) : null);
  const params = ruleParams(facts, t, label);
  const rule = `rules.${ruleCode(facts.code)}`;
  const say = (key: string) => t(`${rule}.${key}` as never, params as never) as string;
  const todo: string[] = [];
  for (let i = 1; i <= MAX_TODOS; i++) if (t.has(`${rule}.todo${i}` as never)) todo.push(say(`todo${i}`));
  return { what: say('what'), why: say('why'), todo };
}
