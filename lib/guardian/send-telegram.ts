import 'server-only';
// Sends an operator alert to the Telegram chat when TELEGRAM_ALERT_BOT_TOKEN and TELEGRAM_ALERT_CHAT_ID are set.
import type { Env } from '@/lib/env';

type TelegramEnv = Pick<Env, 'TELEGRAM_ALERT_BOT_TOKEN' | 'TELEGRAM_ALERT_CHAT_ID' | 'TELEGRAM_API_BASE'>;

export function telegramConfigured(env: TelegramEnv): boolean {
  return Boolean(env.TELEGRAM_ALERT_BOT_TOKEN && env.TELEGRAM_ALERT_CHAT_ID);
}

export async function sendTelegramAlert(
  env: TelegramEnv,
  text: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  if (!telegramConfigured(env)) return;
  const url = `${env.TELEGRAM_API_BASE.replace(/\/$/, '')}/bot${env.TELEGRAM_ALERT_BOT_TOKEN}/sendMessage`;
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      chat_id: env.TELEGRAM_ALERT_CHAT_ID,
      text: text.slice(0, 4_000),
      disable_web_page_preview: true,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => null)) as { ok?: boolean; description?: string } | null;
  // NOTE: the error names the status only; the URL carries the bot token and must not reach logs.
  if (!response.ok || body?.ok !== true)
    throw new Error(`Telegram answered HTTP ${response.status}${body?.description ? `: ${body.description}` : ''}`);
}
