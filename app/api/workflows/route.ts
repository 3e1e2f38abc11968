// GET /api/workflows — list (search, enabled filter, cursor); POST /api/workflows — create from a definition.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { listWorkflows, listWorkflowsQuerySchema } from '@/lib/workflows/list-workflows';
import { createWorkflowQuerySchema, rawDefinitionSchema } from '@/lib/workflows/schemas';

export const GET = withApi({ auth: 'sessionOrApiKey', query: listWorkflowsQuerySchema }, async ({ scope, query }) =>
  Response.json(await listWorkflows(await getDb(), scope, query)),
);

// NOTE: the body is checked by the workflow validator, which reports every issue with its step and field. An AI
// proposal (?origin=ai) starts switched off: the AI never enables anything, the user does.
export const POST = withApi(
  { auth: 'sessionOrApiKey', body: rawDefinitionSchema, query: createWorkflowQuerySchema, maxBodyBytes: 128 * 1024 },
  async ({ scope, body, query }) =>
    Response.json(
      await createWorkflow(
        await getDb(),
        scope,
        body,
        query.origin === 'ai' ? { enabled: false, meta: { origin: 'ai' } } : {},
      ),
      { status: 201 },
    ),
);
