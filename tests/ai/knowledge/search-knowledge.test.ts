import { describe, expect, it } from 'vitest';
import { listKnowledge } from '@/lib/ai/knowledge/list-knowledge';
import { searchKnowledge } from '@/lib/ai/knowledge/search-knowledge';
import { catalogTemplates } from '@/lib/templates';
import { stepTypes } from '@/lib/workflows/definition';

const first = async (locale: Parameters<typeof searchKnowledge>[0], query: string) =>
  (await searchKnowledge(locale, query, { limit: 3 }))[0];

describe('the knowledge index', () => {
  it('holds every help article, built-in template and step type, in the reader’s language', async () => {
    const items = await listKnowledge('de');
    expect(items.filter((item) => item.kind === 'doc')).toHaveLength(10);
    expect(items.filter((item) => item.kind === 'template')).toHaveLength(catalogTemplates.length);
    expect(items.filter((item) => item.kind === 'step').map((item) => item.id)).toEqual([...stepTypes]);
    expect(items.find((item) => item.id === 'approvals')).toMatchObject({
      title: 'Freigaben',
      href: '/help/approvals',
    });
    for (const item of items) expect(item.summary, `${item.kind} ${item.id}`).not.toBe('');
  });

  it('links templates to their page, where they can be used', async () => {
    const items = await listKnowledge('en');
    const template = items.find((item) => item.id === 'failed-payment-slack-alert');
    expect(template).toMatchObject({ kind: 'template', href: '/templates/failed-payment-slack-alert' });
    expect(template?.title).toContain('Slack');
  });
});

describe('searchKnowledge', () => {
  it.each([
    ['en', 'How do I retry a failed run?', 'retries-and-failures'],
    ['en', 'verify the webhook signature', 'webhooks'],
    ['en', 'cron schedule in my time zone', 'triggers'],
    ['es', '¿Cómo restauro una copia de seguridad?', 'backups-and-retention'],
    ['es', '¿Qué pasa cuando se acaban los créditos de IA?', 'ai-credits'],
    ['fr', 'Qui peut approuver une demande ?', 'approvals'],
    ['de', 'Wie erstelle ich einen API-Schlüssel?', 'public-api'],
    ['ja', 'Webhook の署名はどう検証しますか？', 'webhooks'],
    ['ja', 'AI クレジットがなくなるとどうなりますか？', 'ai-credits'],
    ['zh', '如何按计划运行工作流？', 'triggers'],
    ['zh', '重放失败的运行', 'retries-and-failures'],
    ['ar', 'كيف أستعيد نسخة احتياطية؟', 'backups-and-retention'],
    ['ar', 'ماذا يحدث عند انتهاء مهلة الموافقة؟', 'approvals'],
  ] as const)('answers %s “%s” with the article on %s first', async (locale, query, slug) => {
    expect(await first(locale, query)).toMatchObject({ kind: 'doc', id: slug });
  });

  it('finds a template by the apps and the event it is about', async () => {
    expect(await first('en', 'slack alert for a failed payment')).toMatchObject({
      kind: 'template',
      id: 'failed-payment-slack-alert',
    });
  });

  it('matches word forms: "retries" finds what "retry" does', async () => {
    expect(await first('en', 'retries')).toMatchObject({ id: 'retries-and-failures' });
  });

  it('ranks a title match above a mention in the body', async () => {
    const hits = await searchKnowledge('en', 'condition');
    expect(hits[0]).toMatchObject({ kind: 'step', id: 'condition' });
    expect(hits.length).toBeGreaterThan(1);
  });

  it('filters by kind and limits the results', async () => {
    const hits = await searchKnowledge('en', 'backup', { kind: 'template', limit: 2 });
    expect(hits).toHaveLength(2);
    for (const hit of hits) expect(hit.kind).toBe('template');
  });

  it('finds nothing for a question of only common words or nonsense', async () => {
    expect(await searchKnowledge('en', 'how do I')).toEqual([]);
    expect(await searchKnowledge('en', 'zzxqv')).toEqual([]);
  });
});
