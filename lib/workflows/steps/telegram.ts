// `telegram`: sends a message with the Bot API's sendMessage, using a bot token kept as a connector credential.
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { credentialNameSchema } from '../credentials/schemas';
import { callService, credentialField, readText, statusError, textField } from './outbound';
import { defineStep, StepError } from './types';

export const telegramConfigSchema = z.strictObject({
  /** Name of a `telegram` connector credential (its bot token). */
  credential: credentialNameSchema,
  /** A numeric chat id (groups are negative) or a public channel's `@username`. */
  chatId: textField(64).pipe(z.string().regex(/^(-?\d+|@[A-Za-z]\w{3,})$/, 'A numeric chat id or a channel @username')),
  text: textField(4_096),
  parseMode: z.enum(['MarkdownV2', 'HTML', 'Markdown']).optional(),
  disableNotification: z.boolean().optional(),
});
export type TelegramConfig = z.infer<typeof telegramConfigSchema>;

type TelegramReply =
  | { ok: true; result: { message_id: number; date: number; chat: { id: number } } }
  | { ok: false; error_code?: number; description?: string; parameters?: { retry_after?: number } };

export const telegramStep = defineStep({
  type: 'telegram',
  configSchema: telegramConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  async execute(config, ctx) {
    const token = await credentialField(ctx, config.credential, 'telegram', 'botToken');
    const base = getEnv().TELEGRAM_API_BASE.replace(/\/+$/, '');
    // NOTE: the token is part of the URL, so no error message below repeats the URL.
    const response = await callService(ctx, 'Telegram', `${base}/bot${token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: config.chatId,
        text: config.text,
        ...(config.parseMode ? { parse_mode: config.parseMode } : {}),
        ...(config.disableNotification !== undefined ? { disable_notification: config.disableNotification } : {}),
      }),
    });
    const text = await readText(response);
    let reply: TelegramReply | null = null;
    try {
      reply = JSON.parse(text) as TelegramReply;
    } catch {
      // not JSON: judged by the status below
    }
    if (response.ok && reply?.ok) {
      return {
        kind: 'output',
        output: {
          messageId: reply.result.message_id,
          chatId: reply.result.chat.id,
          date: new Date(reply.result.date * 1000).toISOString(),
        },
      };
    }
    if (response.ok)
      throw new StepError(
        'unexpected_response',
        'Telegram answered without a sent message; check TELEGRAM_API_BASE',
        false,
        { status: response.status },
      );
    const error = statusError(
      'Telegram',
      response,
      text,
      ctx.services.now(),
      reply && !reply.ok ? reply.description : undefined,
    );
    const retryAfter = reply && !reply.ok ? reply.parameters?.retry_after : undefined;
    if (retryAfter === undefined) throw error;
    throw new StepError(error.code, error.message, error.retryable, {
      ...error.details,
      retryAfterMs: retryAfter * 1000,
    });
  },
});
