import 'server-only';
// "Test connection" per connector: one harmless real call to the same base URL the step uses, judged into a result
// with a stable `code` (the UI translates it) and an English message. Secrets never appear in a result.
import { getEnv } from '@/lib/env';
import { readText } from '@/lib/workflows/steps/outbound';
import { signBody } from '@/lib/workflows/steps/webhook';
import type { ConnectorType } from './schemas';

export type ConnectionTestResult = {
  ok: boolean;
  /** The service's HTTP status, or null when no answer came. */
  status: number | null;
  code: string;
  message: string;
  params: Record<string, string>;
};
export type ProbeFetch = (url: string, init: RequestInit) => Promise<Response>;
type Probe = (fields: Record<string, string>, fetch: ProbeFetch) => Promise<ConnectionTestResult>;

const NOTION_VERSION = '2022-06-28';
const base = (url: string) => url.replace(/\/+$/, '');
const result = (ok: boolean, status: number | null, code: string, message: string, params = {}) => ({
  ok,
  status,
  code,
  message,
  params,
});

async function json(response: Response): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readText(response, 64 * 1024)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const refused = (service: string, status: number) =>
  result(false, status, 'refused', `${service} refused the credential (HTTP ${status}); check it and save it again`, {
    service,
    status: String(status),
  });

const telegram: Probe = async ({ botToken }, fetch) => {
  const response = await fetch(`${base(getEnv().TELEGRAM_API_BASE)}/bot${botToken}/getMe`, { method: 'GET' });
  const reply = (await json(response)) as { ok?: boolean; result?: { username?: string } };
  if (!response.ok || !reply.ok) return refused('Telegram', response.status);
  const bot = reply.result?.username ?? '';
  return result(true, response.status, 'telegramOk', `Telegram accepted the token: bot @${bot}`, { bot });
};

const notion: Probe = async ({ token }, fetch) => {
  const response = await fetch(`${base(getEnv().NOTION_API_BASE)}/v1/users/me`, {
    method: 'GET',
    headers: { authorization: `Bearer ${token}`, 'notion-version': NOTION_VERSION },
  });
  const reply = (await json(response)) as { name?: string };
  if (!response.ok) return refused('Notion', response.status);
  const name = reply.name ?? '';
  return result(true, response.status, 'notionOk', `Notion accepted the secret: integration "${name}"`, { name });
};

// NOTE: the Sheets API has no read without a spreadsheet id; for a made-up id a valid token gets 404, a bad one 401.
const googleSheets: Probe = async ({ accessToken }, fetch) => {
  const url = `${base(getEnv().GOOGLE_SHEETS_API_BASE)}/v4/spreadsheets/levqor-connection-test?fields=spreadsheetId`;
  const response = await fetch(url, { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } });
  if (response.ok || response.status === 404)
    return result(true, response.status, 'googleSheetsOk', 'Google Sheets accepted the access token');
  if (response.status === 403)
    return result(false, 403, 'googleSheetsScope', 'Google accepted the token but it lacks the spreadsheets scope');
  if (response.status === 401)
    return result(false, 401, 'googleSheetsExpired', 'Google refused the token; access tokens expire after an hour');
  return refused('Google Sheets', response.status);
};

const slack: Probe = async ({ webhookUrl }, fetch) => {
  const response = await fetch(webhookUrl as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Levqor connection test: this connection works. You can ignore this message.' }),
  });
  const text = await readText(response, 64 * 1024);
  if (!response.ok) return refused('Slack', response.status);
  if (text.trim() !== 'ok')
    return result(false, response.status, 'slackNotWebhook', 'The URL answered, but not as a Slack incoming webhook');
  return result(true, response.status, 'slackOk', 'Slack accepted the webhook and posted a test message');
};

const webhook: Probe = async ({ secret, url }, fetch) => {
  if (!url) return result(false, null, 'webhookNoUrl', 'Add the URL to ping to this connection to test it');
  const body = JSON.stringify({ type: 'levqor.test', sentAt: new Date().toISOString() });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-levqor-signature': signBody(secret as string, body) },
    body,
  });
  await response.body?.cancel().catch(() => undefined);
  const host = new URL(url).host;
  if (!response.ok)
    return result(false, response.status, 'webhookRejected', `${host} answered HTTP ${response.status} to the ping`, {
      host,
      status: String(response.status),
    });
  return result(true, response.status, 'webhookOk', `${host} accepted the signed ping`, { host });
};

export const connectionProbes: Record<ConnectorType, Probe> = {
  telegram,
  notion,
  google_sheets: googleSheets,
  slack,
  webhook,
};
