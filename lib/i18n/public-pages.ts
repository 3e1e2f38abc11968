// The public, indexable pages, each listed in the sitemap in every locale.
export const publicPages: { path: string; changeFrequency: 'daily' | 'weekly' | 'monthly'; priority: number }[] = [
  { path: '/', changeFrequency: 'weekly', priority: 1 },
];
