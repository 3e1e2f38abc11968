// The public, indexable pages, each listed in the sitemap in every locale.
import { catalogTemplates } from '@/lib/templates';

export const publicPages: { path: string; changeFrequency: 'daily' | 'weekly' | 'monthly'; priority: number }[] = [
  { path: '/', changeFrequency: 'weekly', priority: 1 },
  { path: '/pricing', changeFrequency: 'weekly', priority: 0.9 },
  { path: '/templates', changeFrequency: 'weekly', priority: 0.8 },
  { path: '/docs/api', changeFrequency: 'weekly', priority: 0.7 },
  ...catalogTemplates.map(({ slug }) => ({
    path: `/templates/${slug}`,
    changeFrequency: 'monthly' as const,
    priority: 0.6,
  })),
];
