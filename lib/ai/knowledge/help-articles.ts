// The built-in help articles: their slugs (texts in the `help.articles.<slug>` messages) and the untranslated terms
// (API names, headers, brand names) a question in any language may use for them.
export const helpArticles = [
  {
    slug: 'getting-started',
    keywords: ['start', 'first', 'new', 'workflow', 'editor', 'json', 'dashboard', 'checklist'],
  },
  {
    slug: 'triggers',
    keywords: ['trigger', 'schedule', 'cron', 'timezone', 'iana', 'dst', 'manual', 'event', 'webhook', 'run now'],
  },
  {
    slug: 'webhooks',
    keywords: [
      'webhook',
      'hmac',
      'sha256',
      'signature',
      'x-levqor-signature',
      'x-levqor-timestamp',
      'secret',
      'rotate',
    ],
  },
  { slug: 'approvals', keywords: ['approval', 'approve', 'reject', 'rejected', 'timeout', 'approvers'] },
  {
    slug: 'retries-and-failures',
    keywords: ['retry', 'retries', 'failed', 'failure', 'failure queue', 'replay', 'backoff', 'idempotency', 'error'],
  },
  {
    slug: 'backups-and-retention',
    keywords: ['backup', 'snapshot', 'retention', 'sha-256', 'checksum', 'verify', 'restore', 'keep', 'download'],
  },
  {
    slug: 'connections',
    keywords: ['connection', 'credential', 'token', 'secret', 'slack', 'telegram', 'notion', 'google sheets', 'test'],
  },
  { slug: 'templates', keywords: ['template', 'use this template', 'placeholder', 'your-', 'share', 'checklist'] },
  {
    slug: 'ai-credits',
    keywords: ['ai', 'credit', 'credits', 'budget', 'limit', 'usage', 'billing', 'plan', 'free plan', 'credit pack'],
  },
  {
    slug: 'public-api',
    keywords: [
      'api',
      'api key',
      'lvq_live',
      'bearer',
      'v1',
      'openapi',
      'cursor',
      'idempotency-key',
      'mcp',
      'rate limit',
    ],
  },
] as const;

export type HelpArticleSlug = (typeof helpArticles)[number]['slug'];

export function isHelpArticleSlug(slug: string): slug is HelpArticleSlug {
  return helpArticles.some((article) => article.slug === slug);
}
