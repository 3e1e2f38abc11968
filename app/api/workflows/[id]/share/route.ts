// POST /api/workflows/:id/share — share a workflow as a template (workspace-only, or submitted for public review).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { shareTemplateSchema, shareWorkflowAsTemplate } from '@/lib/templates/share-template';

export const POST = withApi({ auth: 'sessionOrApiKey', body: shareTemplateSchema }, async ({ scope, params, body }) =>
  Response.json(await shareWorkflowAsTemplate(await getDb(), scope, idParam(params), body), { status: 201 }),
);
