// The shape of a built-in template: a category, message keys for its texts, the apps it talks to and a full definition.
import { type ConnectorType, connectorTypes } from '@/lib/workflows/credentials/schemas';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';

export const templateCategories = ['backups', 'reporting', 'alerts', 'crm', 'ecommerce', 'support'] as const;
export type TemplateCategory = (typeof templateCategories)[number];

/** A connector credential the workspace must add before the template can run. */
export type TemplateConnector = { type: ConnectorType; credential: string };

export type CatalogTemplate = {
  slug: string;
  category: TemplateCategory;
  /** Message keys in the `templates` namespace. */
  titleKey: string;
  summaryKey: string;
  /** `templates` message key of each step's plain-language description, by step id. */
  stepKeys: Record<string, string>;
  /** Connector credentials the steps name, derived from the definition. */
  connectors: TemplateConnector[];
  /** Outside services the template calls (brand names, not translated). */
  apps: string[];
  definition: WorkflowDefinitionInput;
};

type TemplateInput = { slug: string; category: TemplateCategory; apps?: string[]; definition: WorkflowDefinitionInput };

/** Every connector credential a definition names (`credential`, or a webhook's `signingCredential`), once each. */
export function connectorsOf(definition: Pick<WorkflowDefinitionInput, 'steps'>): TemplateConnector[] {
  const found = new Map<string, TemplateConnector>();
  for (const step of definition.steps) {
    if (!(connectorTypes as readonly string[]).includes(step.type)) continue;
    const config = step.config ?? {};
    const name = config.credential ?? config.signingCredential;
    if (typeof name === 'string')
      found.set(`${step.type}:${name}`, { type: step.type as ConnectorType, credential: name });
  }
  return [...found.values()];
}

export function defineTemplate({ slug, category, apps = [], definition }: TemplateInput): CatalogTemplate {
  const base = `items.${slug}`;
  return {
    slug,
    category,
    titleKey: `${base}.title`,
    summaryKey: `${base}.summary`,
    stepKeys: Object.fromEntries(definition.steps.map((step) => [step.id, `${base}.steps.${step.id}`])),
    connectors: connectorsOf(definition),
    apps,
    definition,
  };
}
