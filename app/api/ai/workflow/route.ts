// POST /api/ai/workflow — a plain-language request → a proposed workflow that passes the validator (not saved).
import { getDb } from '@/db';
import { aiLimits, aiWorkflowRequestSchema } from '@/lib/ai/schemas';
import { proposeWorkflow } from '@/lib/ai/workflow/propose-workflow';
import { withApi } from '@/lib/api/with-api';
import { requestLocale } from '@/lib/i18n/request-locale';

export const POST = withApi(
  { auth: 'session', body: aiWorkflowRequestSchema, maxBodyBytes: aiLimits.bodyBytes },
  async ({ req, scope, body }) =>
    Response.json(
      await proposeWorkflow(
        { db: await getDb(), scope },
        { prompt: body.prompt, locale: body.locale ?? requestLocale(req) },
      ),
    ),
);
