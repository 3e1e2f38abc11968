// POST /api/ai/chat — contextual help: an answer grounded in the help and the caller's own workflows, streamed (NDJSON).
import { getDb } from '@/db';
import { answerChat } from '@/lib/ai/chat/answer-chat';
import { aiChatRequestSchema, aiLimits } from '@/lib/ai/schemas';
import { withApi } from '@/lib/api/with-api';
import type { Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/request-locale';

export const POST = withApi(
  { auth: 'session', body: aiChatRequestSchema, maxBodyBytes: aiLimits.bodyBytes },
  async ({ req, scope, body }) =>
    answerChat(await getDb(), scope, body, { locale: (body.locale as Locale | undefined) ?? requestLocale(req) }),
);
