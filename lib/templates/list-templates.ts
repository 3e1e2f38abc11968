import 'server-only';
// The public template library in a locale: built-in templates (translated) followed by approved shared ones.
import type { Db } from '@/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import type { CatalogTemplate, TemplateCategory } from './define-template';
import { getCatalogTemplate, listCatalogTemplates } from './index';
import { getPublicSharedTemplate, listPublicSharedTemplates } from './list-public-shared-templates';
import { type TemplateDetailDto, type TemplateSummaryDto, triggerSummary } from './template-dto';
import { catalogTexts } from './template-texts';

async function catalogDetail(template: CatalogTemplate, locale: Locale): Promise<TemplateDetailDto> {
  const texts = catalogTexts(await loadMessages(locale), template);
  return {
    slug: template.slug,
    source: 'builtin',
    category: template.category,
    title: texts.title,
    summary: texts.summary,
    trigger: triggerSummary(template.definition.trigger),
    connectors: template.connectors,
    apps: template.apps,
    stepCount: template.definition.steps.length,
    steps: template.definition.steps.map((step) => ({
      id: step.id,
      type: step.type,
      description: texts.steps[step.id] ?? null,
    })),
    definition: template.definition,
  };
}

function summaryOf({ steps: _steps, definition: _definition, ...summary }: TemplateDetailDto): TemplateSummaryDto {
  return summary;
}

/** Whether the title, summary or an app's name contains every word of `q` (any case). */
function matches(template: TemplateSummaryDto, q: string): boolean {
  const text = [template.title, template.summary, ...template.apps].join(' ').toLocaleLowerCase();
  return q
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

export async function listTemplates(
  db: Db,
  { category, locale = 'en', q }: { category?: TemplateCategory; locale?: Locale; q?: string } = {},
): Promise<TemplateSummaryDto[]> {
  const builtin = await Promise.all(listCatalogTemplates(category).map((template) => catalogDetail(template, locale)));
  const shared = await listPublicSharedTemplates(db, { category });
  const all = [...builtin, ...shared].map(summaryOf);
  return q?.trim() ? all.filter((template) => matches(template, q.trim())) : all;
}

export async function getTemplateDetail(
  db: Db,
  slug: string,
  locale: Locale = 'en',
): Promise<TemplateDetailDto | null> {
  const builtin = getCatalogTemplate(slug);
  return builtin ? catalogDetail(builtin, locale) : getPublicSharedTemplate(db, slug);
}
