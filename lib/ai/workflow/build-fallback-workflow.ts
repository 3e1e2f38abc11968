// The deterministic workflow builder used when no model answers: a request in any tier-1 language becomes a valid,
// never-enabled definition — a matching built-in template adapted to the request, or steps composed by rule.
import {
  isValidTimeZone,
  limits,
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
} from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { composeSteps } from './compose-steps';
import { extractIntent, type Intent } from './extract-intent';
import { applyTemplate, matchTemplate } from './match-template';
import { englishStepTexts, type StepTexts } from './step-texts';

export type FallbackWorkflow = { definition: WorkflowDefinition; templateSlug: string | null; intent: Intent };
/** `timezone`: the schedule's IANA zone (default UTC); `texts`: the words written into steps (default English). */
export type FallbackOptions = { timezone?: string; texts?: StepTexts };

/** A name from the request: its first sentence without URLs or control characters, at most 120 characters. */
export function workflowName(prompt: string): string {
  const clean = prompt
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/[\p{Cc}\p{Cf}{}<>]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence =
    clean
      .split(/(?<=[.!?])\s|[。！？\n]/u)[0]!
      .replace(/[\s,.;:!?、，。]+$/u, '')
      .trim() || clean;
  const short =
    sentence.length <= limits.nameLength
      ? sentence
      : `${sentence.slice(0, limits.nameLength - 1).replace(/\s+\S*$/u, '') || sentence.slice(0, limits.nameLength - 1)}…`;
  const name = short.trim();
  return name ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : 'Workflow';
}

function valid(input: WorkflowDefinitionInput): WorkflowDefinition | null {
  const result = validateDefinition(input);
  return result.ok ? result.definition : null;
}

function minimal(name: string, texts: StepTexts): WorkflowDefinition {
  return valid({
    name,
    trigger: { type: 'manual' },
    steps: [{ id: 'record', type: 'log', config: { message: texts.startedByHand('{{run.id}}') } }],
  })!;
}

export function buildFallbackWorkflow(prompt: string, options: FallbackOptions = {}): FallbackWorkflow {
  const timezone = options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC';
  const intent = extractIntent(prompt.slice(0, 4_000), { timezone });
  const name = workflowName(prompt);
  const texts = options.texts ?? englishStepTexts;
  if (!intent.recognised) return { definition: minimal(name, texts), templateSlug: null, intent };
  const template = matchTemplate(intent);
  const adapted = template ? valid(applyTemplate(template, intent, name)) : null;
  if (template && adapted) return { definition: adapted, templateSlug: template.slug, intent };
  const trigger =
    intent.trigger.type === 'event'
      ? { type: 'event' as const, event: intent.trigger.event, workflowId: '00000000-0000-0000-0000-000000000000' }
      : intent.trigger;
  const composed = valid({
    name,
    description: prompt.trim().slice(0, 2_000),
    trigger,
    steps: composeSteps(intent, texts),
    settings: { timezone },
  });
  return { definition: composed ?? minimal(name, texts), templateSlug: null, intent };
}
