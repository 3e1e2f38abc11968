// GET /api/v1/connections — the workspace's connections by name (never secrets), a page at a time.
import { decodeCursor, encodeCursor, toPage } from '@/lib/api/v1/cursor';
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listConnectionsOperation } from '@/lib/openapi/operations/connections';
import { listConnectorCredentials } from '@/lib/workflows/credentials/list-credentials';

export const GET = withV1(listConnectionsOperation, async ({ db, scope, query }) => {
  const after = decodeCursor(query.cursor, ['string'] as const);
  const rows = await listConnectorCredentials(db, scope, { afterName: after?.[0], limit: query.limit + 1 });
  return Response.json(toPage(rows, query.limit, (row) => encodeCursor([row.name])));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
