import 'server-only';
// Everything a user can read in the help, in the reader's locale: the help articles, every built-in template and every
// step type, each as a KnowledgeItem with a link to where it is read or used.
import { type Locale, locales } from '@/lib/i18n/locales';
import { loadMessages, type Messages } from '@/lib/i18n/messages';
import { catalogTemplates } from '@/lib/templates';
import { catalogTexts } from '@/lib/templates/template-texts';
import { stepTypes } from '@/lib/workflows/definition';
import { helpArticles } from './help-articles';

export type KnowledgeKind = 'doc' | 'template' | 'step';

export type KnowledgeItem = {
  kind: KnowledgeKind;
  id: string;
  title: string;
  summary: string;
  body: string;
  /** Path inside the app, without the locale prefix. */
  href: string;
  keywords: string[];
};

const cache = new Map<Locale, Promise<KnowledgeItem[]>>();

export function listKnowledge(locale: Locale): Promise<KnowledgeItem[]> {
  const known = (locales as readonly string[]).includes(locale) ? locale : 'en';
  let items = cache.get(known);
  if (!items) {
    items = loadMessages(known).then(buildKnowledge);
    items.catch(() => cache.delete(known));
    cache.set(known, items);
  }
  return items;
}

function text(messages: Messages, path: string): string | null {
  let current: string | Messages | undefined = messages;
  for (const part of path.split('.')) current = typeof current === 'object' ? current[part] : undefined;
  return typeof current === 'string' ? current : null;
}

function buildKnowledge(messages: Messages): KnowledgeItem[] {
  const docs = helpArticles.map(({ slug, keywords }): KnowledgeItem => {
    const base = `help.articles.${slug}`;
    return {
      kind: 'doc',
      id: slug,
      title: text(messages, `${base}.title`) ?? slug,
      summary: text(messages, `${base}.summary`) ?? '',
      body: text(messages, `${base}.body`) ?? '',
      href: `/help/${slug}`,
      keywords: [...keywords],
    };
  });
  const templates = catalogTemplates.map((template): KnowledgeItem => {
    const texts = catalogTexts(messages, template);
    const category = text(messages, `templates.categories.${template.category}.name`) ?? template.category;
    return {
      kind: 'template',
      id: template.slug,
      title: texts.title,
      summary: texts.summary,
      body: Object.values(texts.steps)
        .filter((step): step is string => Boolean(step))
        .join('\n'),
      href: `/templates/${template.slug}`,
      keywords: [category, ...template.apps, ...new Set(template.definition.steps.map((step) => step.type))],
    };
  });
  const steps = stepTypes.map((type): KnowledgeItem => {
    const summary = text(messages, `help.steps.${type}`) ?? '';
    return {
      kind: 'step',
      id: type,
      title: text(messages, `workflows.visualEditor.types.${type}`) ?? type,
      summary,
      body: summary,
      href: `/help?kind=step#step-${type}`,
      keywords: [type, type.replace(/_/g, ' ')],
    };
  });
  return [...docs, ...templates, ...steps];
}
