// GET /api/v1/workflows/:id/export — the current definition as a `levqor.workflow` file download (no secrets).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { exportWorkflowOperation } from '@/lib/openapi/operations/workflows';
import { exportWorkflow } from '@/lib/workflows/export-workflow';

export const GET = withV1(exportWorkflowOperation, async ({ db, scope, params }) => {
  const { filename, file } = await exportWorkflow(db, scope, params.id);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
