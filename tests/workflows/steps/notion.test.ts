import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notionStep } from '@/lib/workflows/steps/notion';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

const DB = '59833787-2cf9-4fdf-8782-e53db20768a5';
let notion: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  notion = await startConnectorServer();
  process.env.NOTION_API_BASE = notion.url;
});
afterAll(() => notion.close());
beforeEach(() =>
  notion.answer({
    status: 200,
    body: {
      object: 'page',
      id: 'be633bf1-dfa0-436d-b259-571129a590e5',
      url: 'https://www.notion.so/Lead-be633bf1dfa0436db259571129a590e5',
    },
  }),
);

const ctx = () =>
  stepContext({ credentials: { crm: { connector: 'notion', fields: { token: 'ntn_abcdefghijklmnopqrstuvwxyz' } } } });
const run = (config: Record<string, unknown>) => notionStep.execute(notionStep.configSchema.parse(config), ctx());

describe('notion step (POST /v1/pages)', () => {
  it('creates a database row with a title, properties and paragraphs', async () => {
    const outcome = await run({
      credential: 'crm',
      databaseId: DB,
      title: 'Ada Lovelace',
      properties: { Email: { email: 'ada@example.com' } },
      content: 'First paragraph.\n\nSecond paragraph.',
    });
    expect(outcome).toEqual({
      kind: 'output',
      output: {
        id: 'be633bf1-dfa0-436d-b259-571129a590e5',
        url: 'https://www.notion.so/Lead-be633bf1dfa0436db259571129a590e5',
      },
    });
    const request = notion.last();
    expect(request).toMatchObject({ method: 'POST', url: '/v1/pages' });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer ntn_abcdefghijklmnopqrstuvwxyz',
      'notion-version': '2022-06-28',
      'idempotency-key': '6f1c2a7e-0000-4000-8000-000000000001:notify',
    });
    expect(JSON.parse(request.body)).toEqual({
      parent: { database_id: '598337872cf94fdf8782e53db20768a5' },
      properties: {
        Email: { email: 'ada@example.com' },
        Name: { title: [{ type: 'text', text: { content: 'Ada Lovelace' } }] },
      },
      children: [
        {
          object: 'block',
          type: 'paragraph',
          paragraph: { rich_text: [{ type: 'text', text: { content: 'First paragraph.' } }] },
        },
        {
          object: 'block',
          type: 'paragraph',
          paragraph: { rich_text: [{ type: 'text', text: { content: 'Second paragraph.' } }] },
        },
      ],
    });
  });

  it('creates a sub-page under a page with the title property', async () => {
    await run({ credential: 'crm', pageId: DB, title: 'Weekly report' });
    expect(JSON.parse(notion.last().body)).toEqual({
      parent: { page_id: '598337872cf94fdf8782e53db20768a5' },
      properties: { title: { title: [{ type: 'text', text: { content: 'Weekly report' } }] } },
    });
  });

  it('fails without retrying when the credential is missing', async () => {
    await stepFailure(
      notionStep.execute(notionStep.configSchema.parse({ credential: 'other', databaseId: DB, title: 'x' }), ctx()),
      { code: 'credential_missing', retryable: false },
    );
  });

  it('fails without retrying on a 4xx with Notion’s code and message', async () => {
    notion.answer({
      status: 400,
      body: { object: 'error', status: 400, code: 'validation_error', message: 'Name is not a property that exists.' },
    });
    const error = await stepFailure(run({ credential: 'crm', databaseId: DB, title: 'x' }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(error.message).toBe(
      'Notion refused the request with HTTP 400: validation_error: Name is not a property that exists.',
    );
  });

  it('retries on 429 (Retry-After), 409 conflict and 5xx', async () => {
    notion.answer({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { object: 'error', status: 429, code: 'rate_limited', message: 'slow down' },
    });
    const limited = await stepFailure(run({ credential: 'crm', databaseId: DB, title: 'x' }), {
      code: 'rate_limited',
      retryable: true,
    });
    expect(limited.details).toMatchObject({ retryAfterMs: 3_000 });
    notion.answer({
      status: 409,
      body: { object: 'error', status: 409, code: 'conflict_error', message: 'Conflict occurred while saving.' },
    });
    await stepFailure(run({ credential: 'crm', databaseId: DB, title: 'x' }), {
      code: 'upstream_error',
      retryable: true,
    });
    notion.answer({
      status: 503,
      body: { object: 'error', status: 503, code: 'service_unavailable', message: 'Notion is unavailable' },
    });
    await stepFailure(run({ credential: 'crm', databaseId: DB, title: 'x' }), {
      code: 'upstream_error',
      retryable: true,
    });
  });

  it.each([
    [{ credential: 'crm', title: 'x' }, 'databaseId'],
    [{ credential: 'crm', databaseId: DB, pageId: DB, title: 'x' }, 'databaseId'],
    [{ credential: 'crm', databaseId: 'not-an-id' }, 'databaseId'],
    [{ credential: 'crm', pageId: DB }, 'title'],
    [{ credential: 'crm', databaseId: DB, properties: 'Name' }, 'properties'],
  ])('rejects the config %j', (config, path) => {
    expect(notionStep.configSchema.safeParse(config).error?.issues.map((issue) => issue.path[0])).toContain(path);
  });
});
