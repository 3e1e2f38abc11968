import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookStep } from '@/lib/workflows/steps/webhook';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

const SECRET = 'whk-3f9a1c7e5b2d8a0f';
let receiver: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  receiver = await startConnectorServer();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.answer({ status: 202, body: { accepted: true } }));

const ctx = () => stepContext({ credentials: { partner: { connector: 'webhook', fields: { secret: SECRET } } } });
const run = (config: Record<string, unknown>) => webhookStep.execute(webhookStep.configSchema.parse(config), ctx());

describe('webhook step (signed outgoing webhook)', () => {
  it('posts JSON signed with HMAC-SHA256 of the exact body', async () => {
    const outcome = await run({
      url: `${receiver.url}/hooks/levqor`,
      body: { event: 'order.paid', id: 7 },
      signingCredential: 'partner',
      headers: { 'X-Source': 'levqor' },
    });
    expect(outcome).toEqual({ kind: 'output', output: { status: 202, body: { accepted: true } } });
    const request = receiver.last();
    expect(request.body).toBe('{"event":"order.paid","id":7}');
    const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
    expect(request.headers).toMatchObject({
      'x-levqor-signature': expected,
      'content-type': 'application/json',
      'x-source': 'levqor',
      'idempotency-key': '6f1c2a7e-0000-4000-8000-000000000001:notify',
    });
  });

  it('sends unsigned with a default body when no secret is named', async () => {
    await run({ url: `${receiver.url}/hooks/plain`, method: 'put' });
    const request = receiver.last();
    expect(request.method).toBe('PUT');
    expect(request.headers['x-levqor-signature']).toBeUndefined();
    expect(JSON.parse(request.body)).toEqual({
      workflowId: '6f1c2a7e-0000-4000-8000-0000000000bb',
      runId: '6f1c2a7e-0000-4000-8000-000000000001',
      stepId: 'notify',
    });
  });

  it('fails without retrying when the signing credential is missing, sending nothing', async () => {
    const before = receiver.received.length;
    await stepFailure(run({ url: `${receiver.url}/hooks/levqor`, signingCredential: 'gone' }), {
      code: 'credential_missing',
      retryable: false,
    });
    expect(receiver.received.length).toBe(before);
  });

  it('fails without retrying on a 4xx and retries on a 5xx', async () => {
    receiver.answer({ status: 401, body: 'bad signature' });
    const rejected = await stepFailure(run({ url: `${receiver.url}/hooks/levqor` }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(rejected.message).toMatch(/HTTP 401 .*: bad signature/);
    receiver.answer({ status: 502, body: 'bad gateway' });
    await stepFailure(run({ url: `${receiver.url}/hooks/levqor` }), { code: 'upstream_error', retryable: true });
  });

  it('refuses the cloud metadata address', async () => {
    await stepFailure(run({ url: 'http://169.254.169.254/latest/meta-data/' }), {
      code: 'egress_refused',
      retryable: false,
    });
  });

  it('refuses a URL that is not absolute http(s) once templates are resolved', async () => {
    await stepFailure(run({ url: '/relative/path' }), { code: 'invalid_url', retryable: false });
  });

  it('lists its URL for the validator and rejects a GET', () => {
    expect(webhookStep.urls?.(webhookStep.configSchema.parse({ url: 'https://partner.example/hook' }))).toEqual([
      'https://partner.example/hook',
    ]);
    expect(webhookStep.configSchema.safeParse({ url: 'https://partner.example/hook', method: 'GET' }).success).toBe(
      false,
    );
    expect(
      webhookStep.configSchema.safeParse({ url: 'https://partner.example/hook', signingCredential: '' }).success,
    ).toBe(false);
  });
});
