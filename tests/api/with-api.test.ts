import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';

const createSchema = z.object({ name: z.string().min(1), steps: z.array(z.object({ url: z.url() })).min(1) });

const create = withApi({ auth: 'public', body: createSchema }, ({ body }) =>
  Response.json({ created: body.name }, { status: 201 }),
);

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  create(new Request('http://localhost/api/things', { method: 'POST', body, headers }));

async function errorOf(response: Response) {
  return (
    (await response.json()) as {
      error: { code: string; message: string; details?: { issues?: { path: string }[] }; request_id?: string };
    }
  ).error;
}

describe('withApi', () => {
  it('passes a valid body to the handler and tags the response with a request id and timing', async () => {
    const response = await post(JSON.stringify({ name: 'Nightly backup', steps: [{ url: 'https://example.com' }] }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: 'Nightly backup' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d$/);
  });

  it('answers 422 with the path of every invalid field', async () => {
    const response = await post(JSON.stringify({ name: '', steps: [{ url: 'not a url' }] }));
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues?.map((issue) => issue.path).sort()).toEqual(['name', 'steps.0.url']);
  });

  it('answers 400 for broken JSON and 415 for a body that is not JSON', async () => {
    const broken = await post('{"name": ');
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toMatch(/not valid JSON/);
    const form = await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await errorOf(form)).code).toBe('unsupported_media_type');
  });

  it('answers 413 for a body over the size limit', async () => {
    const small = withApi(
      { auth: 'public', body: z.object({ note: z.string() }), maxBodyBytes: 64 },
      () => new Response(null, { status: 204 }),
    );
    const response = await small(
      new Request('http://localhost/api/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'x'.repeat(100) }),
      }),
    );
    expect(response.status).toBe(413);
  });

  it('maps an AppError onto its status and body', async () => {
    const handler = withApi({ auth: 'public' }, () => {
      throw new AppError('not_found', 'Workflow not found');
    });
    const response = await handler(new Request('http://localhost/api/workflows/1'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Workflow not found' } });
  });

  it('hides an unexpected error behind a 500 that carries the request id', async () => {
    const handler = withApi({ auth: 'public' }, () => {
      throw new Error('connection string postgres://admin:secret@db leaked');
    });
    const response = await handler(
      new Request('http://localhost/api/boom', { headers: { 'x-request-id': 'req-1234567890' } }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side', request_id: 'req-1234567890' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-1234567890');
  });

  it('answers 400, not a server error, when the client aborted the request', async () => {
    const controller = new AbortController();
    const handler = withApi({ auth: 'public' }, () => {
      controller.abort();
      throw new Error('aborted');
    });
    const response = await handler(new Request('http://localhost/api/slow', { signal: controller.signal }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe('The request was aborted by the client');
  });

  it('parses and validates the query string', async () => {
    const list = withApi(
      { auth: 'public', query: z.object({ limit: z.coerce.number().int().max(100).default(20) }) },
      ({ query }) => Response.json(query),
    );
    expect(await (await list(new Request('http://localhost/api/list'))).json()).toEqual({ limit: 20 });
    const tooMany = await list(new Request('http://localhost/api/list?limit=500'));
    expect(tooMany.status).toBe(422);
    expect((await errorOf(tooMany)).details?.issues?.[0]?.path).toBe('limit');
  });

  it('ignores a malformed incoming request id', async () => {
    const handler = withApi({ auth: 'public' }, () => Response.json({}));
    const response = await handler(
      new Request('http://localhost/api/x', { headers: { 'x-request-id': 'bad id <script>' } }),
    );
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes route params through', async () => {
    const handler = withApi({ auth: 'public' }, ({ params }) => Response.json(params));
    const response = await handler(new Request('http://localhost/api/workflows/abc'), {
      params: Promise.resolve({ id: 'abc' }),
    });
    expect(await response.json()).toEqual({ id: 'abc' });
  });
});
