// GET /api/v1/workflows/:id/versions — the saved versions, newest first, a page at a time.
import { toPage } from '@/lib/api/v1/cursor';
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listWorkflowVersionsOperation } from '@/lib/openapi/operations/workflows';
import { listVersions } from '@/lib/workflows/list-versions';
import { decodeVersionCursor, encodeVersionCursor } from '@/lib/workflows/version-cursor';

export const GET = withV1(listWorkflowVersionsOperation, async ({ db, scope, params, query }) => {
  const beforeVersion = decodeVersionCursor(query.cursor);
  const versions = await listVersions(db, scope, params.id, { beforeVersion, limit: query.limit + 1 });
  return Response.json(toPage(versions, query.limit, (item) => encodeVersionCursor(item.version)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
