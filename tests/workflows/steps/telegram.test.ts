import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telegramStep } from '@/lib/workflows/steps/telegram';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
let telegram: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  telegram = await startConnectorServer();
  process.env.TELEGRAM_API_BASE = telegram.url;
});
afterAll(() => telegram.close());
beforeEach(() =>
  telegram.answer((request) => {
    const { chat_id: chatId } = JSON.parse(request.body) as { chat_id: string };
    return {
      status: 200,
      body: {
        ok: true,
        result: { message_id: 42, date: 1_795_435_200, chat: { id: Number(chatId) || -1001 }, text: 'x' },
      },
    };
  }),
);

const ctx = () => stepContext({ credentials: { ops: { connector: 'telegram', fields: { botToken: TOKEN } } } });
const run = (config: Record<string, unknown>) => telegramStep.execute(telegramStep.configSchema.parse(config), ctx());

describe('telegram step (Bot API sendMessage)', () => {
  it('calls sendMessage with the bot token and returns the message id', async () => {
    const outcome = await run({
      credential: 'ops',
      chatId: -1001234,
      text: 'Backup finished',
      parseMode: 'HTML',
      disableNotification: true,
    });
    expect(outcome).toEqual({
      kind: 'output',
      output: { messageId: 42, chatId: -1001234, date: new Date(1_795_435_200_000).toISOString() },
    });
    const request = telegram.last();
    expect(request).toMatchObject({ method: 'POST', url: `/bot${TOKEN}/sendMessage` });
    expect(JSON.parse(request.body)).toEqual({
      chat_id: '-1001234',
      text: 'Backup finished',
      parse_mode: 'HTML',
      disable_notification: true,
    });
    expect(request.headers['idempotency-key']).toBe('6f1c2a7e-0000-4000-8000-000000000001:notify');
  });

  it('fails without retrying when the credential is missing, sending nothing', async () => {
    const before = telegram.received.length;
    await stepFailure(run({ credential: 'nope', chatId: '1', text: 'x' }), {
      code: 'credential_missing',
      retryable: false,
    });
    expect(telegram.received.length).toBe(before);
  });

  it('fails without retrying on a 4xx with Telegram’s description, never showing the token', async () => {
    telegram.answer({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });
    const error = await stepFailure(run({ credential: 'ops', chatId: '99', text: 'x' }), {
      code: 'request_rejected',
      retryable: false,
    });
    expect(error.message).toBe('Telegram refused the request with HTTP 400: Bad Request: chat not found');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(TOKEN.split(':')[1]);
  });

  it('retries on 429 after the retry_after Telegram gives', async () => {
    telegram.answer({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    const error = await stepFailure(run({ credential: 'ops', chatId: '99', text: 'x' }), {
      code: 'rate_limited',
      retryable: true,
    });
    expect(error.details).toEqual({ status: 429, retryAfterMs: 7_000 });
  });

  it('retries on a 5xx', async () => {
    telegram.answer({ status: 502, body: 'Bad Gateway' });
    await stepFailure(run({ credential: 'ops', chatId: '99', text: 'x' }), { code: 'upstream_error', retryable: true });
  });

  it.each([
    [{ credential: 'ops', chatId: 'not a chat', text: 'x' }, 'chatId'],
    [{ credential: 'ops', chatId: '1', text: 'x'.repeat(4_097) }, 'text'],
    [{ credential: 'ops', chatId: '1', text: 'x', parseMode: 'BBCode' }, 'parseMode'],
    [{ chatId: '1', text: 'x' }, 'credential'],
  ])('rejects the config %j', (config, path) => {
    expect(telegramStep.configSchema.safeParse(config).error?.issues.map((issue) => issue.path[0])).toContain(path);
  });

  it('accepts a channel @username and a numeric chat id', () => {
    expect(telegramStep.configSchema.parse({ credential: 'ops', chatId: '@levqor_status', text: 'x' }).chatId).toBe(
      '@levqor_status',
    );
    expect(telegramStep.configSchema.parse({ credential: 'ops', chatId: 12345, text: 'x' }).chatId).toBe('12345');
  });
});
