import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tierOneLocales } from '@/lib/i18n/locales';
import {
  catalogTemplates,
  connectorsOf,
  getCatalogTemplate,
  listCatalogTemplates,
  templateCategories,
} from '@/lib/templates';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.resolve('messages', `${locale}.json`), 'utf8')).templates as Record<string, unknown>;
const read = (tree: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );

describe('the built-in template catalog', () => {
  it('has at least 25 templates with unique slugs', () => {
    expect(catalogTemplates.length).toBeGreaterThanOrEqual(25);
    const slugs = catalogTemplates.map((template) => template.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(templateCategories)('has at least 4 %s templates', (category) => {
    expect(listCatalogTemplates(category).length).toBeGreaterThanOrEqual(4);
  });

  it.each(catalogTemplates.map((template) => [template.slug, template] as const))(
    '%s passes the workflow validator',
    (_slug, template) => {
      const result = validateDefinition(template.definition);
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );

  it('never calls a private or loopback address and always names a placeholder host', () => {
    const urls = catalogTemplates.flatMap((template) =>
      template.definition.steps.map((step) => step.config?.url).filter((url): url is string => typeof url === 'string'),
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(new URL(url.replace(/\{\{[^}]+\}\}/g, 'x')).protocol).toBe('https:');
  });

  it('lists the connector credentials each template needs', () => {
    expect(getCatalogTemplate('failed-payment-slack-alert')?.connectors).toEqual([
      { type: 'slack', credential: 'slack-alerts' },
    ]);
    expect(getCatalogTemplate('webhook-payload-archive')?.connectors).toEqual([]);
    for (const template of catalogTemplates) expect(template.connectors).toEqual(connectorsOf(template.definition));
  });

  it.each([...tierOneLocales])('translates every template title, summary and step description into %s', (locale) => {
    const tree = messages(locale);
    const missing = catalogTemplates.flatMap((template) =>
      [template.titleKey, template.summaryKey, ...Object.values(template.stepKeys)].filter(
        (key) => typeof read(tree, key) !== 'string' || !(read(tree, key) as string).trim(),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('has no translated text for a template or step that does not exist', () => {
    const items = messages('en').items as Record<string, { steps: Record<string, string> }>;
    expect(Object.keys(items).sort()).toEqual(catalogTemplates.map((template) => template.slug).sort());
    for (const template of catalogTemplates)
      expect(Object.keys(items[template.slug]!.steps).sort()).toEqual(
        template.definition.steps.map((step) => step.id).sort(),
      );
  });
});
