// POST /api/v1/workflows/import — creates a disabled workflow from an exported file or a bare definition (idempotent).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { versionETag, withV1 } from '@/lib/api/v1/with-v1';
import { importWorkflowOperation } from '@/lib/openapi/operations/workflows';
import { importWorkflow } from '@/lib/workflows/import-workflow';

export const POST = withV1(importWorkflowOperation, async ({ db, scope, body }) => {
  const workflow = await importWorkflow(db, scope, body);
  return Response.json(workflow, {
    status: 201,
    headers: { location: `/api/v1/workflows/${workflow.id}`, etag: versionETag(workflow.currentVersion) },
  });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
