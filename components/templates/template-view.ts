// What the template pages show, in the page's locale: built-in templates from messages, shared ones as written.
import { type CatalogTemplate, connectorsOf, type TemplateCategory } from '@/lib/templates/define-template';
import { describeTrigger, weekdayName } from '@/lib/templates/describe-trigger';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type TemplateView = {
  slug: string;
  category: TemplateCategory | null;
  community: boolean;
  title: string;
  summary: string;
  trigger: string;
  timezone: string | null;
  steps: { id: string; type: string; typeLabel: string; description: string }[];
  credentials: { connector: string; name: string }[];
  apps: string[];
};

export function triggerText(t: Translate, locale: string, trigger: WorkflowDefinitionInput['trigger']): string {
  const { key, values } = describeTrigger(trigger);
  return t(key, 'weekday' in values ? { ...values, weekday: weekdayName(locale, Number(values.weekday)) } : values);
}

type Shared = {
  slug: string;
  category: TemplateCategory | null;
  title: string;
  summary: string;
  definition: WorkflowDefinitionInput;
};

export function templateView(t: Translate, locale: string, template: CatalogTemplate | Shared): TemplateView {
  const builtin = 'titleKey' in template;
  const { definition } = template;
  return {
    slug: template.slug,
    category: template.category,
    community: !builtin,
    title: builtin ? t(template.titleKey) : template.title,
    summary: builtin ? t(template.summaryKey) : template.summary,
    trigger: triggerText(t, locale, definition.trigger),
    timezone: definition.trigger.type === 'schedule' ? (definition.trigger.timezone ?? 'UTC') : null,
    steps: definition.steps.map((step) => ({
      id: step.id,
      type: step.type,
      typeLabel: t(`stepTypes.${step.type}`),
      description: builtin ? t(template.stepKeys[step.id] ?? '') : (step.name ?? t(`stepTypes.${step.type}`)),
    })),
    credentials: (builtin ? template.connectors : connectorsOf(definition)).map(({ type, credential }) => ({
      connector: t(`connectorNames.${type}`),
      name: credential,
    })),
    apps: builtin ? template.apps : [],
  };
}
