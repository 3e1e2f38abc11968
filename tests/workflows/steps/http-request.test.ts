import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpRequestStep } from '@/lib/workflows/steps/http-request';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

let server: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  server = await startConnectorServer();
});
afterAll(() => server.close());
beforeEach(() => server.answer({ status: 200, body: { items: [1, 2] } }));

const run = (config: Record<string, unknown>, ctx = stepContext()) =>
  httpRequestStep.execute(httpRequestStep.configSchema.parse(config), ctx);

describe('http_request step', () => {
  it('sends method, headers, query and JSON body with the idempotency key, and parses a JSON answer', async () => {
    const outcome = await run({
      method: 'post',
      url: `${server.url}/orders?x=1`,
      headers: { 'X-Api-Version': '3' },
      query: { page: 2, all: true },
      body: { id: 7 },
    });
    expect(outcome).toEqual({
      kind: 'output',
      output: {
        status: 200,
        headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }),
        body: { items: [1, 2] },
      },
    });
    const request = server.last();
    expect(request).toMatchObject({ method: 'POST', url: '/orders?x=1&page=2&all=true', body: '{"id":7}' });
    expect(request.headers).toMatchObject({
      'x-api-version': '3',
      'content-type': 'application/json',
      'idempotency-key': '6f1c2a7e-0000-4000-8000-000000000001:notify',
    });
  });

  it('sends a string body as text and returns a text answer as text', async () => {
    server.answer({ status: 201, body: 'created' });
    const outcome = await run({ method: 'PUT', url: `${server.url}/note`, body: 'hello' });
    expect(outcome).toMatchObject({ output: { status: 201, body: 'created' } });
    expect(server.last()).toMatchObject({ body: 'hello', headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });

  it('fails without retrying on a 4xx, naming the status and the start of the body', async () => {
    server.answer({ status: 404, body: { error: 'no such order' } });
    const error = await stepFailure(run({ url: `${server.url}/orders/9` }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(error.message).toMatch(/HTTP 404: \{"error":"no such order"\}/);
    expect(error.details).toMatchObject({ status: 404 });
  });

  it('fails retryably on a 5xx and on a 429 with Retry-After', async () => {
    server.answer({ status: 503, body: 'maintenance' });
    await stepFailure(run({ url: `${server.url}/x` }), { code: 'upstream_error', retryable: true });
    server.answer({ status: 429, headers: { 'retry-after': '30' }, body: 'slow down' });
    const limited = await stepFailure(run({ url: `${server.url}/x` }), { code: 'rate_limited', retryable: true });
    expect(limited.details).toMatchObject({ status: 429, retryAfterMs: 30_000 });
  });

  it('treats the statuses in expectStatus as success, and others as failure', async () => {
    server.answer({ status: 404, body: 'gone' });
    expect(await run({ url: `${server.url}/x`, expectStatus: [200, 404] })).toMatchObject({ output: { status: 404 } });
    server.answer({ status: 200, body: 'fine' });
    await stepFailure(run({ url: `${server.url}/x`, expectStatus: 201 }), {
      code: 'unexpected_status',
      retryable: false,
    });
  });

  it('refuses a private address through the egress guard', async () => {
    const error = await stepFailure(run({ url: 'http://10.0.0.1/admin' }), {
      code: 'egress_refused',
      retryable: false,
    });
    expect(error.message).toMatch(/10\.0\.0\.1 is a private network address/);
  });

  it('refuses a response larger than 1 MiB', async () => {
    server.answer({ status: 200, body: 'x'.repeat(1024 * 1024 + 10) });
    await stepFailure(run({ url: `${server.url}/big` }), { code: 'response_too_large', retryable: false });
  });

  it('lets the validator refuse a literal metadata URL but not a templated host', () => {
    const definition = (url: string) => ({
      name: 'w',
      trigger: { type: 'manual' },
      steps: [{ id: 'call', type: 'http_request', config: { url } }],
    });
    const refused = validateDefinition(definition('http://169.254.169.254/latest/meta-data/'));
    expect(refused.ok ? [] : refused.issues).toEqual([
      expect.objectContaining({ path: 'steps.0.config.url', code: 'egress_refused', stepId: 'call' }),
    ]);
    expect(validateDefinition(definition('https://{{trigger.payload.host}}/x')).ok).toBe(true);
  });

  it('lists its URL for the validator', () => {
    expect(httpRequestStep.urls?.(httpRequestStep.configSchema.parse({ url: 'https://api.example.com/x' }))).toEqual([
      'https://api.example.com/x',
    ]);
  });

  it.each([
    [{}, 'url'],
    [{ url: 'https://a.example', method: 'FETCH' }, 'method'],
    [{ url: 'https://a.example', method: 'GET', body: { a: 1 } }, 'body'],
    [{ url: 'https://a.example', headers: { Host: 'evil' } }, 'headers'],
    [{ url: 'https://a.example', headers: { 'bad header': 'x' } }, 'headers'],
    [{ url: 'https://a.example', timeoutMs: 10 }, 'timeoutMs'],
    [{ url: 'https://a.example', expectStatus: 700 }, 'expectStatus'],
    [{ url: 'https://a.example', unknownField: true }, ''],
  ])('rejects the config %j', (config, path) => {
    const result = httpRequestStep.configSchema.safeParse(config);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(
      paths.some((found) => found === path || found.startsWith(`${path}.`)),
      paths.join(', '),
    ).toBe(true);
  });

  it('accepts numbers that templates resolved to where text was written', () => {
    expect(
      httpRequestStep.configSchema.parse({ url: 'https://a.example', headers: { 'X-Count': 3 }, timeoutMs: '5000' }),
    ).toMatchObject({ headers: { 'X-Count': '3' }, timeoutMs: 5000, method: 'GET' });
  });
});
