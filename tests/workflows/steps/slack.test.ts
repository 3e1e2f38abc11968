import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackStep } from '@/lib/workflows/steps/slack';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

let slack: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  slack = await startConnectorServer();
});
afterAll(() => slack.close());
beforeEach(() => slack.answer({ status: 200, body: 'ok' }));

const ctx = () =>
  stepContext({
    credentials: {
      'team-alerts': { connector: 'slack', fields: { webhookUrl: `${slack.url}/services/T000/B000/XXXXXXXX` } },
      bot: { connector: 'telegram', fields: { botToken: '123:abc' } },
    },
  });
const run = (config: Record<string, unknown>) => slackStep.execute(slackStep.configSchema.parse(config), ctx());

describe('slack step (incoming webhook)', () => {
  it('posts text and blocks as JSON with the idempotency key and succeeds on "ok"', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Order 7* paid' } }];
    expect(await run({ credential: 'team-alerts', text: 'Order 7 paid', blocks })).toEqual({
      kind: 'output',
      output: { delivered: true },
    });
    const request = slack.last();
    expect(request).toMatchObject({ method: 'POST', url: '/services/T000/B000/XXXXXXXX' });
    expect(JSON.parse(request.body)).toEqual({ text: 'Order 7 paid', blocks });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': '6f1c2a7e-0000-4000-8000-000000000001:notify',
    });
  });

  it.each(['missing', 'bot'])(
    'fails without retrying when the credential "%s" is not a slack credential, sending nothing',
    async (credential) => {
      const before = slack.received.length;
      await stepFailure(run({ credential, text: 'hi' }), { code: 'credential_missing', retryable: false });
      expect(slack.received.length).toBe(before);
    },
  );

  it('fails without retrying on a 4xx, with Slack’s reason', async () => {
    slack.answer({ status: 404, body: 'channel_not_found' });
    const error = await stepFailure(run({ credential: 'team-alerts', text: 'hi' }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(error.message).toBe('Slack refused the request with HTTP 404: channel_not_found');
    slack.answer({ status: 403, body: 'invalid_token' });
    const forbidden = await stepFailure(run({ credential: 'team-alerts', text: 'hi' }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(forbidden.message).toMatch(/check the credential/);
  });

  it('retries on a 5xx and on 429, honouring Retry-After', async () => {
    slack.answer({ status: 500, body: 'rollup_error' });
    await stepFailure(run({ credential: 'team-alerts', text: 'hi' }), { code: 'upstream_error', retryable: true });
    slack.answer({ status: 429, headers: { 'retry-after': '2' }, body: 'rate_limited' });
    const limited = await stepFailure(run({ credential: 'team-alerts', text: 'hi' }), {
      code: 'rate_limited',
      retryable: true,
    });
    expect(limited.details).toEqual({ status: 429, retryAfterMs: 2_000 });
  });

  it('refuses a 200 that is not Slack’s "ok"', async () => {
    slack.answer({ status: 200, body: '<html>login</html>' });
    await stepFailure(run({ credential: 'team-alerts', text: 'hi' }), {
      code: 'unexpected_response',
      retryable: false,
    });
  });

  it.each([
    [{ credential: 'team-alerts' }, 'text'],
    [{ credential: 'team-alerts', text: '' }, 'text'],
    [{ text: 'hi' }, 'credential'],
    [{ credential: 'team-alerts', text: 'hi', blocks: 'not blocks' }, 'blocks'],
  ])('rejects the config %j', (config, path) => {
    const result = slackStep.configSchema.safeParse(config);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(path);
  });

  it('takes a number a template resolved to as the text', () => {
    expect(slackStep.configSchema.parse({ credential: 'team-alerts', text: 42 })).toMatchObject({ text: '42' });
  });
});
