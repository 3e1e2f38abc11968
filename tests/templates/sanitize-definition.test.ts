import { describe, expect, it } from 'vitest';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';
import { sanitizeDefinition, SECRET_PLACEHOLDER } from '@/lib/templates/sanitize-definition';

const definition = workflowDefinitionSchema.parse({
  name: 'Mine',
  trigger: { type: 'event', event: 'workflow.failed', workflowId: '00000000-0000-4000-8000-000000000000' },
  steps: [
    {
      id: 'fetch',
      type: 'http_request',
      config: {
        url: 'https://user:hunter2@api.example.com/v1/items?api_key=sk_live_123&page=2',
        headers: { Authorization: 'Bearer sk_live_123', 'X-Shop-Token': 'abc', Accept: 'application/json' },
        query: { token: 'secret', limit: 10 },
      },
    },
    { id: 'mail', type: 'email', config: { to: 'owner@acme.test', subject: 'Hi', text: 'Body' } },
    { id: 'mail_customer', type: 'email', config: { to: '{{trigger.payload.email}}', subject: 'Hi', text: 'Body' } },
    { id: 'ping', type: 'telegram', config: { credential: 'bot', chatId: '-100987654321', text: 'hi' } },
  ],
});

describe('sharing a workflow publicly', () => {
  const shared = sanitizeDefinition(definition);
  const config = (id: string) => shared.steps.find((step) => step.id === id)!.config;

  it('replaces secrets in headers, query strings and URLs with a placeholder', () => {
    expect(config('fetch').headers).toEqual({
      Authorization: SECRET_PLACEHOLDER,
      'X-Shop-Token': SECRET_PLACEHOLDER,
      Accept: 'application/json',
    });
    expect(config('fetch').query).toEqual({ token: SECRET_PLACEHOLDER, limit: 10 });
    expect(config('fetch').url).toBe(`https://api.example.com/v1/items?api_key=${SECRET_PLACEHOLDER}&page=2`);
    expect(JSON.stringify(shared)).not.toContain('sk_live_123');
    expect(JSON.stringify(shared)).not.toContain('hunter2');
  });

  it('hides literal recipients but keeps templated ones', () => {
    expect(config('mail').to).toBe('you@example.com');
    expect(config('mail_customer').to).toBe('{{trigger.payload.email}}');
    expect(config('ping').chatId).toBe('YOUR-TELEGRAM-CHAT-ID');
  });

  it('turns an event trigger, which names a workflow of the sharer, into a manual one', () => {
    expect(shared.trigger).toEqual({ type: 'manual' });
  });
});
