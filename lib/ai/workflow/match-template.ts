// Scores the built-in catalogue against a request's intent; a strong match is reused with the request's schedule,
// threshold and notification channel applied (its `YOUR-…` placeholders kept).
import { catalogTemplates, type CatalogTemplate } from '@/lib/templates';
import type { StepType, WorkflowDefinitionInput } from '@/lib/workflows/definition';
import type { Channel, Intent, IntentAction } from './extract-intent';
import { channelApps } from './lexicon/apps';

const STRONG = 6;
const channelTypes: StepType[] = ['email', 'slack', 'telegram'];
const actionSteps: Partial<Record<IntentAction, StepType>> = {
  fetch: 'http_request',
  condition: 'condition',
  delay: 'delay',
  approval: 'approval',
  backup: 'backup',
  google_sheets: 'google_sheets',
  notion: 'notion',
  create_record: 'http_request',
};
/** Step types a template may carry without being asked for (plumbing and the request's own channel). */
const unasked = new Set<StepType>(['log', 'transform', 'condition', 'http_request', 'email', 'slack', 'telegram']);
const entityWords: Record<string, string> = {
  order: 'order',
  customer: 'customer',
  lead: 'lead',
  ticket: 'ticket',
  invoice: 'invoice',
  payment: 'payment',
  refund: 'refund',
  cart: 'cart',
  stock: 'stock',
  review: 'review',
  signup: 'signup',
  sales: 'sales',
  traffic: 'traffic',
  website: 'website',
  form: 'form',
  dispute: 'dispute',
};

export function scoreTemplate(template: CatalogTemplate, intent: Intent): number {
  const definition = template.definition;
  if (definition.trigger.type !== intent.trigger.type) return -1;
  const types = new Set(definition.steps.map((step) => step.type));
  const wanted = new Set(intent.actions.flatMap((action) => actionSteps[action] ?? []));
  if ([...wanted].some((type) => !types.has(type))) return -1;
  if ([...types].some((type) => !wanted.has(type) && !unasked.has(type))) return -1;
  const templateChannels = [...types].filter((type) => channelTypes.includes(type));
  if (intent.channels.length > 1 || (intent.channels.length === 1 && templateChannels.length !== 1)) return -1;
  const apps = template.apps.filter((app) => !(app in channelApps));
  const intentApps = intent.apps.filter((app) => !(app in channelApps));
  const appHits = apps.filter((app) => (intentApps as string[]).includes(app)).length;
  const named = intent.entities.filter((entity) => entityWords[entity]);
  const entityHits = named.filter((entity) => template.slug.includes(entityWords[entity]!)).length;
  if (appHits + entityHits === 0) return 0;
  return (
    appHits * 3 -
    (apps.length - appHits) * 2 -
    (intentApps.length - appHits) * 2 +
    entityHits * 2 -
    (named.length - entityHits) * 2 +
    (template.category === intent.category ? 2 : 0) +
    wanted.size
  );
}

export function matchTemplate(intent: Intent): CatalogTemplate | null {
  let best: CatalogTemplate | null = null;
  let bestScore = STRONG - 1;
  for (const template of catalogTemplates) {
    const score = scoreTemplate(template, intent);
    if (score > bestScore) [best, bestScore] = [template, score];
  }
  return best;
}

type Step = WorkflowDefinitionInput['steps'][number];

function switchChannel(step: Step, channel: Channel): Step {
  const config = step.config ?? {};
  const text = String(config.text ?? config.subject ?? 'Levqor notification');
  const subject = String(config.subject ?? text.slice(0, 120));
  const configs: Record<Channel, Record<string, unknown>> = {
    email: { to: 'you@example.com', subject, text },
    slack: { credential: 'slack-alerts', text },
    telegram: { credential: 'telegram-alerts', chatId: 'YOUR-TELEGRAM-CHAT-ID', text: text.slice(0, 4_096) },
  };
  return { ...step, type: channel, config: configs[channel] };
}

/** The template's definition with the request's name, schedule, threshold and channel. */
export function applyTemplate(template: CatalogTemplate, intent: Intent, name: string): WorkflowDefinitionInput {
  const definition = structuredClone(template.definition);
  definition.name = name;
  if (intent.trigger.type === 'schedule') {
    definition.trigger = { ...intent.trigger };
    definition.settings = { ...definition.settings, timezone: intent.trigger.timezone };
  }
  const channel = intent.channels[0];
  definition.steps = definition.steps.map((step) => {
    if (channel && channelTypes.includes(step.type) && step.type !== channel) return switchChannel(step, channel);
    const rules = step.type === 'condition' ? (step.config?.rules as { op?: string; right?: unknown }[]) : undefined;
    const rule = rules?.length === 1 ? rules[0]! : null;
    const raises = intent.threshold?.op === 'gt' && (rule?.op === 'gt' || rule?.op === 'gte');
    if (rule && raises && typeof rule.right === 'number')
      return { ...step, config: { ...step.config, rules: [{ ...rule, right: intent.threshold!.value }] } };
    return step;
  });
  return definition;
}
