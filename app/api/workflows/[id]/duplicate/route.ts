// POST /api/workflows/:id/duplicate — copies the current version as a new, disabled workflow ("<name> (copy)").
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { duplicateWorkflow } from '@/lib/workflows/duplicate-workflow';
import { duplicateWorkflowSchema } from '@/lib/workflows/schemas';

export const POST = withApi(
  { auth: 'sessionOrApiKey', body: duplicateWorkflowSchema },
  async ({ scope, params, body }) =>
    Response.json(await duplicateWorkflow(await getDb(), scope, idParam(params), body), { status: 201 }),
);
