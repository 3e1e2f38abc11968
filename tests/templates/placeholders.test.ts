// The placeholder registry: which example values count as unfilled, and where a definition still holds them.
import { describe, expect, it } from 'vitest';
import { findPlaceholder, listPlaceholders } from '@/lib/templates/placeholders';
import { listConnectionNeeds } from '@/lib/workflows/credentials/list-connection-needs';
import { catalogTemplates } from '@/lib/templates';

describe('findPlaceholder', () => {
  it.each([
    ['Bearer YOUR-STRIPE-SECRET-KEY', 'YOUR-STRIPE-SECRET-KEY'],
    ['YOUR_SPREADSHEET_ID', 'YOUR_SPREADSHEET_ID'],
    ['https://YOUR-SHOP.myshopify.com/admin', 'YOUR-SHOP'],
    ['https://api.airtable.com/v0/YOUR_BASE_ID/YOUR_TABLE_NAME', 'YOUR_BASE_ID'],
    ['you@example.com', 'example.com'],
    ['https://your-store.example.com/wp-json', 'your-store.example.com'],
    ['https://www.example.org/', 'www.example.org'],
    ['ops@EXAMPLE.NET', 'EXAMPLE.NET'],
  ])('finds the example value in %s', (text, value) => {
    expect(findPlaceholder(text)?.value).toBe(value);
  });

  it.each([
    'Bearer sk_live_51Habc',
    'https://api.stripe.com/v1/refunds',
    'Your order has shipped',
    'your-shop.myshopify.com is yours',
    'YOURSELF',
    'BEYOUR-THING',
    'https://example.community/',
    'https://myexample.com/',
    'https://notexample.org/path',
    'anna@company.co.uk',
    '{{trigger.payload.body.email}}',
  ])('finds nothing to fill in %s', (text) => {
    expect(findPlaceholder(text)).toBeNull();
  });
});

describe('listPlaceholders', () => {
  it('names every unfilled field with its path and step, and marks keys as secrets', () => {
    const needs = listPlaceholders({
      steps: [
        {
          id: 'fetch',
          type: 'http_request',
          config: { url: 'https://x.test', headers: { Authorization: 'Bearer YOUR-API-TOKEN' } },
        },
        { id: 'mail', type: 'email', config: { to: 'you@example.com', subject: 'Hi', text: 'Hello' } },
        { id: 'ping', type: 'slack', config: { credential: 'YOUR-SLACK', text: 'ok' } },
      ],
    });
    expect(needs).toEqual([
      expect.objectContaining({
        path: 'steps.0.config.headers.Authorization',
        stepId: 'fetch',
        field: 'headers.Authorization',
        secret: true,
      }),
      expect.objectContaining({
        path: 'steps.1.config.to',
        stepId: 'mail',
        field: 'to',
        kind: 'example_host',
        secret: false,
      }),
    ]);
  });

  it('lists the connections steps name, not the ones of plain steps', () => {
    expect(
      listConnectionNeeds({
        steps: [
          { id: 'a', type: 'slack', config: { credential: 'slack-alerts' } },
          { id: 'b', type: 'log', config: { credential: 'nope' } },
          { id: 'c', type: 'webhook', config: { signingCredential: 'hook' } },
        ],
      }),
    ).toEqual([
      { path: 'steps.0.config.credential', stepId: 'a', connector: 'slack', credential: 'slack-alerts' },
      { path: 'steps.2.config.signingCredential', stepId: 'c', connector: 'webhook', credential: 'hook' },
    ]);
  });

  it('leaves no secret of a built-in template unmarked: every key or token in a header is a placeholder', () => {
    for (const template of catalogTemplates)
      for (const step of template.definition.steps) {
        const headers = (step.config?.headers ?? {}) as Record<string, string>;
        for (const [name, value] of Object.entries(headers))
          if (/authorization|token/i.test(name))
            expect(findPlaceholder(value), `${template.slug} ${name}`).not.toBeNull();
      }
  });
});
