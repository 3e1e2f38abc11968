// A built-in template's title, summary and step descriptions read from a locale's messages (for the API).
import type { Messages } from '@/lib/i18n/messages';
import type { CatalogTemplate } from './define-template';

function read(messages: Messages, key: string): string | null {
  let current: string | Messages | undefined = messages.templates;
  for (const part of key.split('.')) current = typeof current === 'object' ? current[part] : undefined;
  return typeof current === 'string' ? current : null;
}

export type TemplateTexts = { title: string; summary: string; steps: Record<string, string | null> };

export function catalogTexts(messages: Messages, template: CatalogTemplate): TemplateTexts {
  return {
    title: read(messages, template.titleKey) ?? template.definition.name,
    summary: read(messages, template.summaryKey) ?? template.definition.description ?? '',
    steps: Object.fromEntries(Object.entries(template.stepKeys).map(([stepId, key]) => [stepId, read(messages, key)])),
  };
}
