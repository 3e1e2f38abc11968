// POST /api/workflows/import — creates a disabled workflow from an exported file or a bare definition (422 with paths).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { importWorkflow } from '@/lib/workflows/import-workflow';
import { importWorkflowSchema } from '@/lib/workflows/schemas';

export const POST = withApi(
  { auth: 'sessionOrApiKey', body: importWorkflowSchema, maxBodyBytes: 128 * 1024 },
  async ({ scope, body }) => Response.json(await importWorkflow(await getDb(), scope, body), { status: 201 }),
);
