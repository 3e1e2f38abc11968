// A proposed definition in plain words, in the reader's language (`ai.builder.*` messages): what starts it, one
// sentence per step, and what the user must still provide (connections, placeholder fields) before switching it on.
import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { AiNeed } from '@/lib/ai/schemas';
import { type Locale, locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { connectorsOf } from '@/lib/templates/define-template';
import { describeTrigger, weekdayName } from '@/lib/templates/describe-trigger';
import type { WorkflowDefinition, WorkflowStep } from '@/lib/workflows/definition';
import { placeholderIssues } from '@/lib/workflows/readiness-issues';

export type ProposalDescription = { explanation: string; steps: { id: string; summary: string }[]; needs: AiNeed[] };

type Values = Record<string, string | number>;
type Text = (key: string, values?: Values) => string;

const NO_WORKFLOW = '00000000-0000-0000-0000-000000000000';
const connectorNames: Record<string, string> = {
  slack: 'Slack',
  telegram: 'Telegram',
  notion: 'Notion',
  google_sheets: 'Google Sheets',
  webhook: 'Webhook',
};

function hostOf(url: unknown): string {
  const text = String(url ?? '');
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(text);
  return (match?.[1] ?? text).slice(0, 80);
}

function duration(locale: Locale, config: Record<string, unknown>): string {
  const units = [
    ['day', config.days],
    ['hour', config.hours],
    ['minute', config.minutes],
    ['second', config.seconds],
  ] as const;
  const parts = units
    .filter(([, amount]) => Number(amount) > 0)
    .map(([unit, amount]) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(Number(amount)),
    );
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts.length > 0 ? parts : ['0']);
}

function stepSummary(text: Text, locale: Locale, step: WorkflowStep): string {
  const config = step.config as Record<string, unknown>;
  switch (step.type) {
    case 'http_request':
      return text('steps.http_request', {
        method: String(config.method ?? 'GET').toUpperCase(),
        host: hostOf(config.url),
      });
    case 'webhook':
      return text('steps.webhook', { host: hostOf(config.url) });
    case 'delay':
      if (typeof config.until === 'string')
        return text('steps.delayUntil', {
          until: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
            new Date(config.until),
          ),
        });
      return text('steps.delay', { duration: duration(locale, config) });
    case 'condition':
      return text(config.else === null ? 'steps.conditionStop' : 'steps.conditionBranch');
    case 'email':
      return text('steps.email', { to: String(config.to ?? '') });
    case 'backup':
      return text('steps.backup', { name: String(config.name ?? '') });
    case 'google_sheets':
      return text('steps.google_sheets', { range: String(config.range ?? '') });
    default:
      return text(`steps.${step.type}`);
  }
}

function triggerSentence(text: Text, locale: Locale, definition: WorkflowDefinition): string {
  const { key, values } = describeTrigger(definition.trigger);
  const shown = 'weekday' in values ? { ...values, weekday: weekdayName(locale, Number(values.weekday)) } : values;
  return text('starts', { trigger: text(`trigger.${key}`, shown) });
}

export async function describeProposal(definition: WorkflowDefinition, locale: string): Promise<ProposalDescription> {
  const readLocale = ((locales as readonly string[]).includes(locale) ? locale : 'en') as Locale;
  const messages = await loadMessages(readLocale);
  const builder = createTranslator({ locale: readLocale, messages, namespace: 'ai.builder' as never });
  const templates = createTranslator({ locale: readLocale, messages, namespace: 'templates' as never });
  const text: Text = (key, values) =>
    key.startsWith('trigger.')
      ? (templates(key.slice('trigger.'.length) as never, values as never) as string)
      : (builder(key as never, values as never) as string);

  const steps = definition.steps.map((step) => ({ id: step.id, summary: stepSummary(text, readLocale, step) }));
  const needs: AiNeed[] = connectorsOf(definition).map((connector) => ({
    kind: 'connection',
    stepId: definition.steps.find(
      (step) =>
        step.type === connector.type &&
        (step.config.credential ?? step.config.signingCredential) === connector.credential,
    )?.id,
    connector: connector.type,
    credential: connector.credential,
    message: text('needs.connection', {
      connector: connectorNames[connector.type] ?? connector.type,
      credential: connector.credential,
    }),
  }));
  if (definition.trigger.type === 'event' && definition.trigger.workflowId === NO_WORKFLOW)
    needs.push({ kind: 'field', path: 'trigger.workflowId', message: text('needs.workflow') });
  for (const issue of placeholderIssues(definition)) {
    const params = issue.params ?? {};
    needs.push({
      kind: 'field',
      stepId: issue.stepId,
      path: issue.path,
      message: text('needs.field', {
        field: String(params.field ?? issue.path),
        step: String(issue.stepId ?? ''),
        value: String(params.value ?? ''),
      }),
    });
  }
  const explanation = [
    triggerSentence(text, readLocale, definition),
    text('stepCount', { count: steps.length }),
    text('disabled'),
    ...(needs.length > 0 ? [text('needsSummary', { count: needs.length })] : []),
  ].join(' ');
  return { explanation, steps, needs };
}
