// POST /api/ai/debug — a failed run of the caller's workspace → what failed, why, what to do, and a fix to accept.
import { getDb } from '@/db';
import { explainRunFailure } from '@/lib/ai/debug/explain-run-failure';
import { aiDebugRequestSchema } from '@/lib/ai/schemas';
import { withApi } from '@/lib/api/with-api';
import type { Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/request-locale';

export const POST = withApi({ auth: 'session', body: aiDebugRequestSchema }, async ({ req, scope, body }) =>
  Response.json(
    await explainRunFailure(
      await getDb(),
      scope,
      body.runId,
      (body.locale as Locale | undefined) ?? requestLocale(req),
    ),
  ),
);
