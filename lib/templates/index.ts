// The built-in template library: every catalog template, looked up by slug or category.
import { alertTemplates } from './catalog/alerts';
import { backupTemplates } from './catalog/backups';
import { crmTemplates } from './catalog/crm';
import { ecommerceTemplates } from './catalog/ecommerce';
import { reportingTemplates } from './catalog/reporting';
import { supportTemplates } from './catalog/support';
import type { CatalogTemplate, TemplateCategory } from './define-template';

export {
  connectorsOf,
  templateCategories,
  type CatalogTemplate,
  type TemplateCategory,
  type TemplateConnector,
} from './define-template';

export const catalogTemplates: readonly CatalogTemplate[] = [
  ...backupTemplates,
  ...reportingTemplates,
  ...alertTemplates,
  ...crmTemplates,
  ...ecommerceTemplates,
  ...supportTemplates,
];

const bySlug = new Map(catalogTemplates.map((template) => [template.slug, template]));

export function getCatalogTemplate(slug: string): CatalogTemplate | undefined {
  return bySlug.get(slug);
}

export function listCatalogTemplates(category?: TemplateCategory): CatalogTemplate[] {
  return catalogTemplates.filter((template) => !category || template.category === category);
}
